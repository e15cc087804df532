package org.caringmothers.dashboard;

import java.math.BigDecimal;

/**
 * Target against actual in one year of the three-year action. Pairings count every
 * pairing in effect at some time in the year; mothers count the caring mothers with such
 * a pairing.
 *
 * @param year the year
 * @param targetPairings the pairing target, null when none is set
 * @param targetMothers the caring-mother target, null when none is set
 * @param ownTarget whether the target is the federation's own (else the sum below)
 * @param pairings pairings in effect in the year
 * @param mothers caring mothers with a pairing in effect in the year
 */
public record YearProgress(int year, Integer targetPairings, Integer targetMothers, boolean ownTarget, long pairings,
		long mothers) {

	public boolean hasTarget() {
		return this.targetPairings != null;
	}

	/**
	 * Pairings as a percentage of the target; null without a target or with a zero one.
	 */
	public BigDecimal pairingPercent() {
		return percent(this.pairings, this.targetPairings);
	}

	/**
	 * Mothers as a percentage of the target; null without a target or with a zero one.
	 */
	public BigDecimal motherPercent() {
		return percent(this.mothers, this.targetMothers);
	}

	/** Whether the pairings fall short of a set target. */
	public boolean behind() {
		return this.targetPairings != null && this.pairings < this.targetPairings;
	}

	private static BigDecimal percent(long actual, Integer target) {
		return target == null || target == 0 ? null : Figures.percent(actual, target);
	}

}
