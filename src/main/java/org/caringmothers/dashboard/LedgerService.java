package org.caringmothers.dashboard;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.Scope;
import org.caringmothers.federation.FederationService;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly ledger (台账) of a federation, counted live from the records of its subtree:
 * one line per federation directly below, one for the records it holds itself, and the
 * total. Like the dashboard, each kind of figure is one query grouped by the federation
 * below.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class LedgerService {

	private static final String OWN = "";

	private final JdbcTemplate jdbc;

	private final FederationService federations;

	private final Clock clock;

	public Ledger ledger(Federation federation, YearMonth month) {
		this.jdbc.execute("set local plan_cache_mode = force_custom_plan");
		String key = "split_part(f.path, '/', " + (federation.getPath().split("/").length + 1) + ")";
		Object p = Scope.of(federation).sqlArgument();
		Date from = Date.valueOf(month.atDay(1));
		Date to = Date.valueOf(month.atEndOfMonth());
		Map<String, Map<LedgerFigure, BigDecimal>> values = new LinkedHashMap<>();
		query(values, key, """
				select {key}, count(*) from volunteer v join federation f on f.id = v.federation_id
				where {scope} and v.role = 'MOTHER' and v.status = 'ACTIVE' group by 1""",
				List.of(LedgerFigure.MOTHERS), p);
		query(values, key, """
				select {key}, count(*) from child c join federation f on f.id = c.federation_id
				where {scope} and c.status = 'ACTIVE' group by 1""", List.of(LedgerFigure.CHILDREN), p);
		this.jdbc.query("""
				select %s, cc.category, count(*) from child c join child_category cc on cc.child_id = c.id
				join federation f on f.id = c.federation_id where {scope} and c.status = 'ACTIVE' group by 1, 2"""
			.replace("{scope}", Scope.sql("f"))
			.formatted(key), rs -> {
				values.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(LedgerFigure.class))
					.put(LedgerFigure.valueOf(rs.getString(2)), rs.getBigDecimal(3));
			}, p);
		query(values, key, """
				select {key}, count(*) filter (where y.start_date between ? and ?),
				  count(*) filter (where y.end_date between ? and ?),
				  count(*) filter (where y.start_date <= ? and (y.end_date is null or y.end_date > ?))
				from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
				where {scope} group by 1""",
				List.of(LedgerFigure.PAIRINGS_NEW, LedgerFigure.PAIRINGS_ENDED, LedgerFigure.PAIRINGS_ACTIVE), from, to,
				from, to, to, to, p);
		query(values, key, """
				select {key}, count(*), count(*) filter (where x.mode = 'HOME_VISIT')
				from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
				join federation f on f.id = c.federation_id
				where {scope} and x.visit_date between ? and ? group by 1""",
				List.of(LedgerFigure.CONTACTS, LedgerFigure.HOME_VISITS), p, from, to);
		query(values, key, """
				select {key}, sum(g.value_yuan) from visit_gift g join visit x on x.id = g.visit_id
				join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
				join federation f on f.id = c.federation_id
				where {scope} and x.visit_date between ? and ? group by 1""", List.of(LedgerFigure.GIFT_VALUE), p, from,
				to);
		query(values, key, """
				select {key}, count(*) filter (where n.raised_at::date between ? and ?),
				  count(*) filter (where n.status = 'RESOLVED' and n.closed_at::date between ? and ?),
				  count(*) filter (where n.status = 'REFERRED' and n.closed_at::date between ? and ?),
				  count(*) filter (where n.status in ('OPEN', 'IN_PROGRESS'))
				from need n join child c on c.id = n.child_id join federation f on f.id = c.federation_id
				where {scope} group by 1""", List.of(LedgerFigure.NEEDS_OPENED, LedgerFigure.NEEDS_RESOLVED,
				LedgerFigure.NEEDS_REFERRED, LedgerFigure.NEEDS_OPEN), from, to, from, to, from, to, p);
		query(values, key, """
				select {key}, count(*), sum(e.attendance_count) from event e join federation f on f.id = e.federation_id
				where {scope} and e.event_date between ? and ? group by 1""",
				List.of(LedgerFigure.EVENTS, LedgerFigure.ATTENDANCE), p, from, to);
		List<LedgerRow> rows = new ArrayList<>();
		for (Federation child : this.federations.children(federation)) {
			rows.add(new LedgerRow(LedgerRow.Kind.BRANCH, child.getId(), child.getCode(), child.getName(),
					values.getOrDefault(String.valueOf(child.getId()), Map.of())));
		}
		Map<LedgerFigure, BigDecimal> own = values.getOrDefault(OWN, Map.of());
		if (rows.isEmpty() || own.values().stream().anyMatch(v -> v.signum() != 0)) {
			rows.add(new LedgerRow(LedgerRow.Kind.OWN, federation.getId(), federation.getCode(), federation.getName(),
					own));
		}
		return new Ledger(federation.getId(), federation.getCode(), federation.getName(), month, rows,
				LedgerRow.total(federation.getId(), federation.getCode(), federation.getName(), rows),
				LocalDateTime.now(this.clock));
	}

	/** The month's contacts in the federation's subtree, in date order. */
	public List<Map<String, Object>> contacts(Federation federation, YearMonth month) {
		return this.jdbc.queryForList(
				"""
						select x.visit_date, f.name as federation, c.name as child, c.id_number_masked, v.name as mother,
						  v.phone, x.mode, x.duration_minutes, x.child_mood,
						  (select string_agg(vc.care_type, ',' order by vc.care_type) from visit_care vc where vc.visit_id = x.id)
						    as care_types,
						  (select coalesce(sum(g.value_yuan), 0) from visit_gift g where g.visit_id = x.id) as gift_value,
						  x.reviewed_at is not null as reviewed
						from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
						join volunteer v on v.id = y.volunteer_id join federation f on f.id = c.federation_id
						where {scope} and x.visit_date between ? and ?
						order by x.visit_date, f.path, c.name, x.id"""
					.replace("{scope}", Scope.sql("f")),
				Scope.of(federation).sqlArgument(), Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
	}

	/** The needs still open in the federation's subtree, oldest first. */
	public List<Map<String, Object>> openNeeds(Federation federation) {
		return this.jdbc.queryForList("""
				select n.raised_at, f.name as federation, c.name as child, n.category, n.urgency, n.status,
				  n.description, n.mandatory_report and n.report_action is null as safety_open
				from need n join child c on c.id = n.child_id join federation f on f.id = c.federation_id
				where {scope} and n.status in ('OPEN', 'IN_PROGRESS')
				order by n.raised_at, n.id""".replace("{scope}", Scope.sql("f")), Scope.of(federation).sqlArgument());
	}

	/** The months a ledger can be made for: up to and including the current one. */
	public boolean isOpenOrPast(YearMonth month) {
		return !month.isAfter(YearMonth.now(this.clock));
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private void query(Map<String, Map<LedgerFigure, BigDecimal>> values, String key, String sql,
			List<LedgerFigure> figures, Object... arguments) {
		this.jdbc.query(sql.replace("{key}", key).replace("{scope}", Scope.sql("f")), rs -> {
			Map<LedgerFigure, BigDecimal> row = values.computeIfAbsent(rs.getString(1),
					k -> new EnumMap<>(LedgerFigure.class));
			for (int i = 0; i < figures.size(); i++) {
				BigDecimal value = rs.getBigDecimal(2 + i);
				row.put(figures.get(i), value == null ? BigDecimal.ZERO : value);
			}
		}, arguments);
	}

}
