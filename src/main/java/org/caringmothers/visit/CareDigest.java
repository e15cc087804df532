package org.caringmothers.visit;

import java.util.List;

import org.caringmothers.volunteer.Volunteer;

/**
 * The staff's weekly digest of care: the first care gaps (most overdue first) and how
 * many there are, how many of them began in the last {@value CareGapFilter#RECENT_DAYS}
 * days, and the first mothers who have had no contact with any of their children for more
 * than {@value #SILENT_DAYS} days (longest first) and how many there are.
 */
public record CareDigest(List<ChildCard> gaps, long gapCount, long newGaps, List<SilentMother> silentMothers,
		long silentCount) {

	/** A mother counts as silent after this many days without a contact. */
	public static final int SILENT_DAYS = 30;

	/**
	 * @param mother the caring mother
	 * @param daysSinceContact days since her most recent contact with any of her children
	 * (counted from the pairing's start for a child she has not contacted yet)
	 * @param children how many children she is paired with
	 */
	public record SilentMother(Volunteer mother, long daysSinceContact, int children) {
	}

}
