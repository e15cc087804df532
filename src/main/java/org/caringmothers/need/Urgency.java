package org.caringmothers.need;

/**
 * How urgent a need is, and so by when it should be closed (resolved or referred): a need
 * has no due date of its own; it is past due once it has been open longer than its
 * urgency allows.
 */
public enum Urgency {

	LOW(60), MEDIUM(30), HIGH(7);

	private final int daysToClose;

	Urgency(int daysToClose) {
		this.daysToClose = daysToClose;
	}

	/** How many days a need of this urgency may stay open. */
	public int daysToClose() {
		return this.daysToClose;
	}

}
