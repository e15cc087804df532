package org.caringmothers.audit;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the access log. An entry is written in its own transaction, so that a
 * view recorded inside a read-only transaction is kept, and is never changed afterwards.
 */
@Service
@RequiredArgsConstructor
public class AuditService {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final RowMapper<AuditEntry> ENTRY = (row, i) -> new AuditEntry(row.getLong("id"),
			row.getTimestamp("occurred_at").toInstant(), (Long) row.getObject("actor_id"),
			row.getString("actor_username"), AuditAction.valueOf(row.getString("action")), row.getString("record_type"),
			(Long) row.getObject("record_id"), row.getString("summary"), row.getString("remote_address"));

	private final JdbcTemplate jdbc;

	/** Records what the signed-in user did to a record, with the request's address. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(AuditAction action, String recordType, Long recordId, String summary) {
		insert(action, recordType, recordId, summary);
	}

	/**
	 * Records like {@link #record} but inside the caller's transaction, which must exist:
	 * the entry is kept with the change it describes, or rolled back with it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordWithChange(AuditAction action, String recordType, Long recordId, String summary) {
		insert(action, recordType, recordId, summary);
	}

	private void insert(AuditAction action, String recordType, Long recordId, String summary) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Long actorId = null;
		String actor = "system";
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			actorId = user.id();
			actor = user.getUsername();
		}
		this.jdbc.update(
				"""
						insert into audit_entry (actor_id, actor_username, action, record_type, record_id, summary, remote_address)
						values (?, ?, ?, ?, ?, ?, ?)""",
				actorId, actor, action.name(), recordType, recordId,
				summary == null ? null : summary.substring(0, Math.min(summary.length(), 500)), remoteAddress());
	}

	/**
	 * Records the same action on many records by one user inside the caller's
	 * transaction: if the work they describe is rolled back, so are they (used by
	 * imports).
	 */
	@Transactional
	public void recordAll(CurrentUser actor, AuditAction action, String recordType, List<Long> recordIds,
			String summary, String remoteAddress) {
		this.jdbc.batchUpdate(
				"""
						insert into audit_entry (actor_id, actor_username, action, record_type, record_id, summary, remote_address)
						values (?, ?, ?, ?, ?, ?, ?)""",
				recordIds, 1000, (statement, id) -> {
					statement.setLong(1, actor.id());
					statement.setString(2, actor.getUsername());
					statement.setString(3, action.name());
					statement.setString(4, recordType);
					statement.setLong(5, id);
					statement.setString(6, summary);
					statement.setString(7, remoteAddress);
				});
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> search(AuditFilter filter, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> arguments = new ArrayList<>();
		if (filter.getUsername() != null && !filter.getUsername().isBlank()) {
			where.append(" and actor_username = ?");
			arguments.add(filter.getUsername().trim().toLowerCase(java.util.Locale.ROOT));
		}
		if (filter.getRecordType() != null && !filter.getRecordType().isBlank()) {
			where.append(" and record_type = ?");
			arguments.add(filter.getRecordType().trim().toUpperCase(java.util.Locale.ROOT));
		}
		if (filter.getRecordId() != null) {
			where.append(" and record_id = ?");
			arguments.add(filter.getRecordId());
		}
		if (filter.getAction() != null) {
			where.append(" and action = ?");
			arguments.add(filter.getAction().name());
		}
		if (filter.getFrom() != null) {
			where.append(" and occurred_at >= ?");
			arguments.add(Timestamp.from(filter.getFrom().atStartOfDay(ZONE).toInstant()));
		}
		if (filter.getTo() != null) {
			where.append(" and occurred_at < ?");
			arguments.add(Timestamp.from(filter.getTo().plusDays(1).atStartOfDay(ZONE).toInstant()));
		}
		Long total = this.jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class,
				arguments.toArray());
		List<Object> paged = new ArrayList<>(arguments);
		paged.add(pageable.getPageSize());
		paged.add(pageable.getOffset());
		List<AuditEntry> entries = this.jdbc.query(
				"select * from audit_entry" + where + " order by occurred_at desc, id desc limit ? offset ?", ENTRY,
				paged.toArray());
		return new PageImpl<>(entries, pageable, total == null ? 0 : total);
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
