package org.caringmothers.audit;

/** What was done to a record. */
public enum AuditAction {

	VIEW, CREATE, UPDATE, STATUS, REVEAL, EXPORT, IMPORT

}
