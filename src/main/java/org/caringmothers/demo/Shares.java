package org.caringmothers.demo;

/**
 * Picks one of several values by a roll from 0 to 99, each value taking the rolls below
 * its bound (the last one taking the rest), so that the demo data has the proportions of
 * a real programme.
 */
final class Shares {

	private Shares() {
	}

	/**
	 * @param roll a number from 0 to 99
	 * @param bounds rising bounds, one fewer than the values
	 * @param values the values, the last one for the rolls above the last bound
	 */
	static String pick(int roll, int[] bounds, String... values) {
		for (int i = 0; i < bounds.length; i++) {
			if (roll < bounds[i]) {
				return values[i];
			}
		}
		return values[bounds.length];
	}

	/** A reserve's status: mostly active, a few applied, trained or withdrawn. */
	static String reserveStatus(int roll) {
		return pick(roll, new int[] { 85, 90, 96 }, "ACTIVE", "APPLIED", "TRAINED", "WITHDRAWN");
	}

}
