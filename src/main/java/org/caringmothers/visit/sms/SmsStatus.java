package org.caringmothers.visit.sms;

/**
 * Where a reminder's SMS stands: waiting to be sent (or retried), sent, given up after
 * its attempts, only recorded because no gateway is configured, or cancelled because the
 * mother is no longer an active caring mother.
 */
public enum SmsStatus {

	PENDING, SENT, FAILED, NOT_CONFIGURED, CANCELLED

}
