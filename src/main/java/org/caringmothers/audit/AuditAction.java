package org.caringmothers.audit;

/**
 * What was done to a record, or what happened to a user's session: signing in and out,
 * failed sign-ins and lock-outs, and refused requests (403 {@code DENIED}, 404 on a
 * record outside the user's scope {@code OUT_OF_SCOPE}), and a record's personal data
 * erased when its retention period ran out ({@code ANONYMISE}).
 */
public enum AuditAction {

	VIEW, CREATE, UPDATE, STATUS, REVEAL, EXPORT, IMPORT, SIGN_IN, SIGN_IN_FAILED, LOCKED_OUT, SIGN_OUT, DENIED,
	OUT_OF_SCOPE, SESSIONS_REVOKED, SECOND_FACTOR, ADDRESS_BLOCKED, ANONYMISE

}
