package org.caringmothers.audit;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.excel.Spreadsheets;
import org.caringmothers.common.privacy.Masking;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
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
 * Writes and reads the access log. An entry is written in the caller's transaction (one
 * connection per request, kept or rolled back with the work it describes); only a refused
 * attempt, whose own work is rolled back, is written alone. Entries are never changed.
 */
@Service
@RequiredArgsConstructor
public class AuditService {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final int MAX_USERNAME = 40;

	private static final RowMapper<AuditEntry> ENTRY = (row, i) -> new AuditEntry(row.getLong("id"),
			row.getTimestamp("occurred_at").toInstant(), (Long) row.getObject("actor_id"),
			row.getString("actor_username"), AuditAction.valueOf(row.getString("action")), row.getString("record_type"),
			(Long) row.getObject("record_id"), row.getString("summary"), row.getString("remote_address"));

	private final JdbcTemplate jdbc;

	/**
	 * Records what the signed-in user did to a record, with the request's address, in the
	 * caller's transaction (a new one when there is none): the entry is kept with the
	 * work it describes, or rolled back with it. A caller in a read-only transaction must
	 * not record (the database refuses the write).
	 */
	@Transactional
	public void record(AuditAction action, String recordType, Long recordId, String summary) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			insert(user.id(), user.getUsername(), action, recordType, recordId, summary);
		}
		else {
			insert(null, "system", action, recordType, recordId, summary);
		}
	}

	/**
	 * Records a refused attempt in a transaction of its own, so that the entry stays
	 * although the work that was refused is rolled back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(AuditAction action, String recordType, Long recordId, String summary) {
		record(action, recordType, recordId, summary);
	}

	/**
	 * Records, in the caller's transaction like {@link #record}, an event of a user who
	 * is not (or no longer) the signed-in one: a sign-in, a failed sign-in, a sign-out.
	 */
	@Transactional
	public void recordAs(Long actorId, String username, AuditAction action, String recordType, Long recordId,
			String summary) {
		insert(actorId, (username == null || username.isBlank()) ? "unknown" : username, action, recordType, recordId,
				summary);
	}

	private void insert(Long actorId, String actor, AuditAction action, String recordType, Long recordId,
			String summary) {
		this.jdbc.update(
				"""
						insert into audit_entry (actor_id, actor_username, action, record_type, record_id, summary, remote_address)
						values (?, ?, ?, ?, ?, ?, ?)""",
				actorId, actor.substring(0, Math.min(actor.length(), MAX_USERNAME)), action.name(), recordType,
				recordId, summary == null ? null : summary.substring(0, Math.min(summary.length(), 500)),
				remoteAddress());
	}

	/**
	 * Records an import inside its transaction: a creation for each record and, on the
	 * first, one entry that counts them ("imported 12 children").
	 */
	@Transactional
	public void recordImport(CurrentUser actor, String recordType, List<Long> recordIds, String what,
			String remoteAddress) {
		recordAll(actor, AuditAction.CREATE, recordType, recordIds, "import", remoteAddress);
		recordAll(actor, AuditAction.IMPORT, recordType, List.of(recordIds.get(0)),
				"imported " + recordIds.size() + " " + what, remoteAddress);
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

	/**
	 * The entries of the filter, newest first and at most {@code limit}, as a workbook
	 * with numbers and addresses masked; the export is itself recorded.
	 */
	@Transactional
	public byte[] export(AuditFilter filter, int limit) {
		List<AuditEntry> entries = search(filter, PageRequest.of(0, limit)).getContent();
		List<List<Object>> rows = new ArrayList<>();
		for (AuditEntry entry : entries) {
			rows.add(java.util.Arrays.asList(
					java.time.LocalDateTime.ofInstant(entry.occurredAt(), ZONE)
						.withNano(0)
						.toString()
						.replace('T', ' '),
					entry.actorUsername(), entry.action().name(), entry.recordType(), entry.recordId(),
					mask(entry.summary()), maskAddress(entry.remoteAddress())));
		}
		record(AuditAction.EXPORT, "AUDIT", null,
				"filter user=" + nullToEmpty(filter.getUsername()) + " action=" + filter.getAction() + " record="
						+ nullToEmpty(filter.getRecordType()) + "#" + filter.getRecordId() + " from=" + filter.getFrom()
						+ " to=" + filter.getTo() + " rows=" + rows.size());
		return Spreadsheets.write("访问日志", EXPORT_HEADERS, rows);
	}

	static final List<String> EXPORT_HEADERS = List.of("时间", "用户名", "操作", "记录类型", "记录编号", "内容", "来源地址");

	private static final java.util.regex.Pattern ID_NUMBER = java.util.regex.Pattern.compile("\\b\\d{17}[\\dXx]\\b");

	private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\b1\\d{10}\\b");

	/** Identity and phone numbers in a summary, masked as on screen. */
	static String mask(String summary) {
		if (summary == null) {
			return null;
		}
		String masked = ID_NUMBER.matcher(summary).replaceAll(match -> Masking.idNumber(match.group()));
		return PHONE.matcher(masked).replaceAll(match -> Masking.phone(match.group()));
	}

	/** An address without its last part (192.168.1.* or 2001:db8:*). */
	static String maskAddress(String address) {
		if (address == null) {
			return null;
		}
		int cut = Math.max(address.lastIndexOf('.'), address.lastIndexOf(':'));
		return (cut < 0) ? "*" : address.substring(0, cut + 1) + "*";
	}

	private static String nullToEmpty(String text) {
		return (text == null) ? "" : text;
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
