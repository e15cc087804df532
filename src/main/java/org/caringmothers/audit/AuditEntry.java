package org.caringmothers.audit;

import java.time.Instant;

/** One line of the access log, as read back for the audit page. */
public record AuditEntry(long id, Instant occurredAt, Long actorId, String actorUsername, AuditAction action,
		String recordType, Long recordId, String summary, String remoteAddress) {
}
