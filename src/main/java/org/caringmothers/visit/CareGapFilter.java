package org.caringmothers.visit;

/**
 * What the full list of care gaps shows: all of them, or those of one township, one
 * mother, one kind of lateness, or only those that began in the last seven days.
 *
 * @param township the id of a township federation, or {@code null}
 * @param mother the id of a caring mother, or {@code null}
 * @param kind what is late, or {@code null} for either
 * @param recent only gaps that began within the last seven days
 */
public record CareGapFilter(Long township, Long mother, CareGapKind kind, boolean recent) {

	/** Gaps that began this many days ago or less are new this week. */
	public static final int RECENT_DAYS = 7;

	public static CareGapFilter all() {
		return new CareGapFilter(null, null, null, false);
	}

}
