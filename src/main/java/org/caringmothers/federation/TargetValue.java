package org.caringmothers.federation;

/**
 * The target a federation is measured against in one year.
 *
 * @param pairings how many pairings it aims for
 * @param mothers how many caring mothers it aims for
 * @param own whether the federation's own target, or else the sum of the nearest targets
 * below it
 */
public record TargetValue(int pairings, int mothers, boolean own) {

}
