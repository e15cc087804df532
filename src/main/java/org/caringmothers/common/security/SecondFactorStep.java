package org.caringmothers.common.security;

/** What a user whose password matched must still do before she is signed in. */
public enum SecondFactorStep {

	/** Her role requires a second factor and she has none yet: she enrols now. */
	ENROL,

	/** She has a second factor: she gives a code from it (or a recovery code). */
	CODE;

	/** The only authority of a user whose second factor is pending. */
	public static final String AUTHORITY = "SECOND_FACTOR_PENDING";

}
