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
 * The monthly ledger (台账) of a federation: one line per federation directly below, one
 * for the records it holds itself, and the total, all in one statement over the read
 * models the modules publish (the same summaries as the dashboard's).
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
		String key = "split_part(f.path, '/', " + (federation.getPath().split("/").length + 1) + ")";
		Date from = Date.valueOf(month.atDay(1));
		Date to = Date.valueOf(month.atEndOfMonth());
		List<LedgerFigure> figures = List.of(LedgerFigure.values());
		SummaryQuery q = new SummaryQuery(figures.stream().map(LedgerFigure::column).toList(),
				(federation.getParent() == null) ? null : Scope.of(federation));
		q.add("volunteer_federation_figures", SummaryQuery.values("mothers", "mothers_active"));
		q.add("child_federation_figures", SummaryQuery.values("children", "active"));
		Map<String, String> categories = new LinkedHashMap<>();
		for (LedgerFigure figure : figures) {
			if (figure.group() == LedgerFigure.Group.CHILDREN && figure != LedgerFigure.CHILDREN) {
				categories.put(figure.column(), "case when category = '" + figure.name() + "' then active else 0 end");
			}
		}
		q.add("child_category_figures", categories);
		q.add("pairing_periods",
				SummaryQuery.values("pairings_new", "case when start_date between ? and ? then 1 else 0 end",
						"pairings_ended", "case when end_date between ? and ? then 1 else 0 end", "pairings_active",
						"case when start_date <= ? and (end_date is null or end_date > ?) then 1 else 0 end"),
				from, to, from, to, to, to);
		q.addPeriod("visit_daily_figures", "visit_monthly_figures",
				SummaryQuery.values("contacts", "contacts", "home_visits", "home_visits", "gift_value", "gift_value"),
				month.atDay(1), month.atEndOfMonth());
		q.addPeriod(
				"need_daily_figures", "need_monthly_figures", SummaryQuery.values("needs_opened", "opened",
						"needs_resolved", "resolved", "needs_referred", "referred"),
				month.atDay(1), month.atEndOfMonth());
		q.add("need_open_figures", SummaryQuery.values("needs_open", "open"));
		q.add("event_daily_figures where day between ? and ?",
				SummaryQuery.values("events", "events", "attendance", "attendance"), from, to);
		List<Object> arguments = new ArrayList<>(q.arguments());
		arguments.add(Scope.of(federation).sqlArgument());
		Map<String, Map<LedgerFigure, BigDecimal>> values = new LinkedHashMap<>();
		this.jdbc.query(
				"select " + key + ", " + q.sums("s") + " from " + q.rows() + " as s(" + q.columns()
						+ ") join federation f on f.id = s.federation_id where " + Scope.sql("f") + " group by 1",
				rs -> {
					Map<LedgerFigure, BigDecimal> row = values.computeIfAbsent(rs.getString(1),
							k -> new EnumMap<>(LedgerFigure.class));
					for (int i = 0; i < figures.size(); i++) {
						BigDecimal value = rs.getBigDecimal(2 + i);
						row.put(figures.get(i), value == null ? BigDecimal.ZERO : value);
					}
				}, arguments.toArray());
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
		return this.jdbc.queryForList("""
				select x.visit_date, f.name as federation, c.name as child, c.id_number_masked, v.name as mother,
				  v.phone, x.mode, x.duration_minutes, x.child_mood, x.care_types, x.gift_value, x.reviewed
				from visit_contacts x join child_names c on c.child_id = x.child_id
				join volunteer_names v on v.volunteer_id = x.volunteer_id join federation f on f.id = x.federation_id
				where {scope} and x.visit_date between ? and ?
				order by x.visit_date, f.path, c.name, x.visit_id""".replace("{scope}", Scope.sql("f")),
				Scope.of(federation).sqlArgument(), Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
	}

	/** The needs still open in the federation's subtree, oldest first. */
	public List<Map<String, Object>> openNeeds(Federation federation) {
		return this.jdbc.queryForList(
				"""
						select n.raised_at, f.name as federation, c.name as child, n.category, n.urgency, n.status,
						  n.description, n.safety_open
						from need_open n join child_names c on c.child_id = n.child_id join federation f on f.id = n.federation_id
						where {scope}
						order by n.raised_at, n.need_id"""
					.replace("{scope}", Scope.sql("f")),
				Scope.of(federation).sqlArgument());
	}

	/** The months a ledger can be made for: up to and including the current one. */
	public boolean isOpenOrPast(YearMonth month) {
		return !month.isAfter(YearMonth.now(this.clock));
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
