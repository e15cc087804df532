package org.caringmothers.dashboard;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.Scope;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a month (上报): the federation's ledger for the month is frozen as reported. The
 * database refuses to change or delete a report; a contact of that month logged or edited
 * after the closing is listed against the report instead of silently changing it.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class MonthReportService {

	/** The record type of reports in the audit log. */
	public static final String RECORD = "month_report";

	private final JdbcTemplate jdbc;

	private final LedgerService ledgers;

	private final AuditService audit;

	private final Clock clock;

	/**
	 * Closes a finished month of the federation's ledger.
	 * @throws RuleViolationException when the month has not ended, is already closed, or
	 * the user may not close it
	 */
	@Transactional
	public MonthReport close(Federation federation, YearMonth month, CurrentUser user) {
		String problem = problem(federation, month, user);
		if (problem != null) {
			throw new RuleViolationException(null, problem, month.toString());
		}
		Ledger ledger = this.ledgers.ledger(federation, month);
		Long id;
		try {
			id = this.jdbc.queryForObject("""
					insert into month_report (federation_id, month, closed_at, closed_by, closed_by_name)
					values (?, ?, ?, ?, ?) returning id""", Long.class, federation.getId(),
					Date.valueOf(month.atDay(1)), Timestamp.from(this.clock.instant()), user.id(), user.displayName());
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolationException(null, "ledger.close.already", month.toString());
		}
		List<LedgerRow> rows = ledger.rowsAndTotal();
		StringBuilder columns = new StringBuilder();
		StringBuilder marks = new StringBuilder();
		for (LedgerFigure figure : LedgerFigure.values()) {
			columns.append(", ").append(figure.column());
			marks.append(", ?");
		}
		for (int i = 0; i < rows.size(); i++) {
			LedgerRow row = rows.get(i);
			List<Object> arguments = new ArrayList<>(
					List.of(id, i, row.kind().name(), row.federationId(), row.code(), row.name()));
			for (LedgerFigure figure : LedgerFigure.values()) {
				arguments.add(row.get(figure));
			}
			this.jdbc.update("insert into month_report_row (report_id, position, kind, federation_id, code, name"
					+ columns + ") values (?, ?, ?, ?, ?, ?" + marks + ")", arguments.toArray());
		}
		this.audit.record(AuditAction.CREATE, RECORD, id, federation.getCode() + " " + month);
		return find(federation, month).orElseThrow();
	}

	/** Whether the user may close this month of the federation's ledger now. */
	public boolean mayClose(Federation federation, YearMonth month, CurrentUser user) {
		return problem(federation, month, user) == null;
	}

	/**
	 * Why the user cannot close this month now, as a message key taking the month as its
	 * argument; empty when she can.
	 */
	public Optional<String> whyNotClose(Federation federation, YearMonth month, CurrentUser user) {
		return Optional.ofNullable(problem(federation, month, user));
	}

	/**
	 * Which of the given months each federation has reported (for a city or province
	 * looking at the federations directly below it).
	 */
	public Map<Long, Set<YearMonth>> reportedMonths(Collection<Long> federationIds, YearMonth first, YearMonth last) {
		Map<Long, Set<YearMonth>> reported = new HashMap<>();
		if (federationIds.isEmpty()) {
			return reported;
		}
		this.jdbc.query(
				"select federation_id, month from month_report where federation_id = any(?) and month between ? and ?",
				rs -> {
					reported.computeIfAbsent(rs.getLong(1), id -> new HashSet<>())
						.add(YearMonth.from(rs.getDate(2).toLocalDate()));
				}, federationIds.toArray(Long[]::new), Date.valueOf(first.atDay(1)), Date.valueOf(last.atDay(1)));
		return reported;
	}

	/** Why the month cannot be closed, as a message key; null when it can. */
	private String problem(Federation federation, YearMonth month, CurrentUser user) {
		if (user.role() != Role.STAFF && user.role() != Role.ADMIN) {
			return "ledger.close.notAllowed";
		}
		if (!month.isBefore(YearMonth.now(this.clock))) {
			return "ledger.close.notEnded";
		}
		return find(federation, month).isPresent() ? "ledger.close.already" : null;
	}

	public Optional<MonthReport> find(Federation federation, YearMonth month) {
		return reports(federation, month).stream().findFirst();
	}

	/** The federation's closed months, the latest first. */
	public List<MonthReport> reports(Federation federation) {
		return reports(federation, null);
	}

	/**
	 * The contacts of the report's month in the federation's subtree that were logged or
	 * edited after the month was closed.
	 */
	public List<Map<String, Object>> laterEdits(Federation federation, MonthReport report) {
		return this.jdbc.queryForList(
				"""
						select x.visit_date, f.name as federation, c.name as child, x.created_at, x.updated_at,
						  x.created_at > ? as added
						from visit_contacts x join child_names c on c.child_id = x.child_id join federation f on f.id = x.federation_id
						where {scope} and x.visit_date between ? and ? and (x.created_at > ? or x.updated_at > ?)
						order by coalesce(x.updated_at, x.created_at), x.visit_id"""
					.replace("{scope}", Scope.sql("f")),
				Timestamp.from(report.closedAt()), Scope.of(federation).sqlArgument(),
				Date.valueOf(report.month().atDay(1)), Date.valueOf(report.month().atEndOfMonth()),
				Timestamp.from(report.closedAt()), Timestamp.from(report.closedAt()));
	}

	private List<MonthReport> reports(Federation federation, YearMonth month) {
		Map<Long, Object[]> heads = new LinkedHashMap<>();
		this.jdbc.query("""
				select id, month, closed_at, closed_by_name from month_report
				where federation_id = ? and (?::date is null or month = ?::date) order by month desc""", rs -> {
			heads.put(rs.getLong(1), new Object[] { YearMonth.from(rs.getDate(2).toLocalDate()),
					rs.getTimestamp(3).toInstant(), rs.getString(4) });
		}, federation.getId(), month == null ? null : Date.valueOf(month.atDay(1)),
				month == null ? null : Date.valueOf(month.atDay(1)));
		List<MonthReport> reports = new ArrayList<>();
		for (Map.Entry<Long, Object[]> head : heads.entrySet()) {
			List<LedgerRow> rows = this.jdbc
				.query("select * from month_report_row where report_id = ? order by position", (rs, n) -> {
					Map<LedgerFigure, BigDecimal> values = new EnumMap<>(LedgerFigure.class);
					for (LedgerFigure figure : LedgerFigure.values()) {
						values.put(figure, rs.getBigDecimal(figure.column()));
					}
					return new LedgerRow(LedgerRow.Kind.valueOf(rs.getString("kind")), rs.getLong("federation_id"),
							rs.getString("code"), rs.getString("name"), values);
				}, head.getKey());
			Object[] h = head.getValue();
			reports
				.add(new MonthReport(head.getKey(), (YearMonth) h[0], (java.time.Instant) h[1], (String) h[2], rows));
		}
		return reports;
	}

}
