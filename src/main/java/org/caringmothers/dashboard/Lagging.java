package org.caringmothers.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a federation below is behind the federation it is compared within: each reason is a
 * message key, empty when it is not behind.
 */
public final class Lagging {

	private Lagging() {
	}

	/**
	 * @param row the figures of the federation below
	 * @param whole the figures of the federation it is compared within
	 * @param year its progress in the year shown, or null
	 */
	public static List<String> reasons(Figures row, Figures whole, YearProgress year) {
		List<String> reasons = new ArrayList<>();
		if (row.childrenActive() == 0) {
			reasons.add("dashboard.behind.noChildren");
		}
		else if (row.coverage().compareTo(whole.coverage()) < 0) {
			reasons.add("dashboard.behind.coverage");
		}
		if (row.activePairings() > 0 && row.contactCompliance().compareTo(whole.contactCompliance()) < 0) {
			reasons.add("dashboard.behind.contacts");
		}
		if (year != null && year.behind()) {
			reasons.add("dashboard.behind.target");
		}
		if (row.safetyFlagsOpen() > 0) {
			reasons.add("dashboard.behind.safety");
		}
		return reasons;
	}

}
