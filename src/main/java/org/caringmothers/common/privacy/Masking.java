package org.caringmothers.common.privacy;

/**
 * How ID and phone numbers appear on every page and export unless a permitted user
 * reveals them: {@code 140123********1234} and {@code 138****5678}.
 */
public final class Masking {

	private Masking() {
	}

	public static String idNumber(String number) {
		return masked(number, 6, 4);
	}

	public static String phone(String phone) {
		return masked(phone, 3, 4);
	}

	/**
	 * The first and last characters kept, the others starred; all starred when too short.
	 */
	private static String masked(String value, int head, int tail) {
		if (value == null || value.isBlank()) {
			return "";
		}
		if (value.length() < head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
