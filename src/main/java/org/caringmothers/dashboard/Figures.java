package org.caringmothers.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The programme's figures for one federation (with everything below it) and one period,
 * counted from the records as they are at the moment the page is opened.
 */
public record Figures(long childrenActive, Map<String, Long> childrenByCategory, long childrenPaired,
		long mothersActive, long reserves, long applicants, BigDecimal trainingHours, long contacts, long homeVisits,
		long activePairings, long careGaps, long pairingsHomeVisited90, long needsOpened, long needsResolved,
		long needsReferred, long needsOpen, Double medianDaysToResolve, long safetyFlagsOpen, long events,
		long attendance, BigDecimal giftValue) {

	/** Paired children as a share of the active children, in percent. */
	public BigDecimal coverage() {
		return percent(this.childrenPaired, this.childrenActive);
	}

	/**
	 * Active pairings in time by their federation's contact cadence (not care gaps), in
	 * percent.
	 */
	public BigDecimal contactCompliance() {
		return percent(this.activePairings - this.careGaps, this.activePairings);
	}

	/** Active pairings with a home visit in the last 90 days, in percent. */
	public BigDecimal homeVisitCompliance() {
		return percent(this.pairingsHomeVisited90, this.activePairings);
	}

	/** Contacts in the period per active pairing. */
	public BigDecimal contactsPerPairing() {
		return this.activePairings == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(this.contacts)
			.divide(BigDecimal.valueOf(this.activePairings), 1, RoundingMode.HALF_UP);
	}

	static BigDecimal percent(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

}
