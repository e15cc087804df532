package org.caringmothers.federation;

/**
 * The levels of the federation tree, top down, with the length of their division codes.
 */
public enum FederationLevel {

	PROVINCE(6, 2), CITY(6, 4), COUNTY(6, 6), TOWNSHIP(9, 9), VILLAGE(12, 12);

	private final int codeLength;

	private final int significantDigits;

	FederationLevel(int codeLength, int significantDigits) {
		this.codeLength = codeLength;
		this.significantDigits = significantDigits;
	}

	public int codeLength() {
		return this.codeLength;
	}

	/** How many leading digits of the code identify this federation to its children. */
	int significantDigits() {
		return this.significantDigits;
	}

	/** The level of a federation's children, or {@code null} for a village. */
	public FederationLevel childLevel() {
		int next = ordinal() + 1;
		return next < values().length ? values()[next] : null;
	}

	/**
	 * Whether federation staff may add children under this level here: townships under a
	 * county and villages under a township. Cities and counties come from the national
	 * division list.
	 */
	public boolean acceptsLocalChildren() {
		return this == COUNTY || this == TOWNSHIP;
	}

}
