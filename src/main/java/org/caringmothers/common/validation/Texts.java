package org.caringmothers.common.validation;

/** What every form does with the text a user typed. */
public final class Texts {

	private Texts() {
	}

	/** The text without surrounding blanks, or {@code null} when nothing is left. */
	public static String trimToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
