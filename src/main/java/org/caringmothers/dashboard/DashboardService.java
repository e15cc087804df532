package org.caringmothers.dashboard;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.caringmothers.child.ChildCategory;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.Scope;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.TargetService;
import org.caringmothers.federation.TargetValue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's read model. Figures come from the read models each module publishes
 * (views over the summaries it keeps of its own records, per federation and day or month,
 * in the same transaction as the records), summed over a federation's subtree (the
 * materialised path prefix) and grouped by the federation directly below: a handful of
 * statements per page, whose cost follows the number of federations and days asked for,
 * not the number of contacts ever recorded.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class DashboardService {

	private static final String TOTAL = "\u0000total";

	private final JdbcTemplate jdbc;

	private final FederationService federations;

	private final TargetService targets;

	private final Clock clock;

	/** The figures of a federation with everything below it. */
	public Figures figures(Federation federation, Period period) {
		return progress(federation, period).total();
	}

	public Progress progress(Federation federation, Period period) {
		List<Federation> children = this.federations.children(federation);
		Map<String, Tally> tallies = tally(federation, period);
		Map<Federation, Figures> rows = new LinkedHashMap<>();
		for (Federation child : children) {
			rows.put(child, tallies.getOrDefault(String.valueOf(child.getId()), new Tally()).figures());
		}
		List<Federation> measured = new ArrayList<>(children);
		measured.add(federation);
		Map<Long, List<YearProgress>> years = years(federation, measured);
		Map<Long, List<YearProgress>> rowYears = new HashMap<>(years);
		rowYears.remove(federation.getId());
		return new Progress(tallies.getOrDefault(TOTAL, new Tally()).figures(), rows, months(federation),
				years.get(federation.getId()), rowYears);
	}

	private static final List<String> FIGURES = figureNames();

	private static List<String> figureNames() {
		List<String> names = new ArrayList<>(List.of("children", "mothers", "reserves", "applicants", "training_hours",
				"contacts", "home_visits", "gift_value", "pairings", "home_visited_90", "care_gaps", "needs_opened",
				"needs_resolved", "needs_referred", "needs_open", "safety_open", "events", "attendance"));
		for (ChildCategory category : ChildCategory.values()) {
			names.add("category_" + category.name().toLowerCase(java.util.Locale.ROOT));
		}
		return names;
	}

	/**
	 * Every figure of the federation's subtree in one statement over the read models the
	 * modules publish (their per-federation summaries), grouped by the federation
	 * directly below; care gaps from the due dates the visit module publishes (one
	 * cadence definition, each federation's own rules), the median days to resolve a need
	 * from the resolved needs of the period.
	 */
	private Map<String, Tally> tally(Federation federation, Period period) {
		Grouping g = new Grouping(federation);
		Object p = Scope.of(federation).sqlArgument();
		Map<String, Tally> tallies = new HashMap<>();
		Date from = Date.valueOf(period.from());
		Date to = Date.valueOf(period.to());
		LocalDate today = LocalDate.now(this.clock);
		SummaryQuery q = new SummaryQuery(FIGURES, (federation.getParent() == null) ? null : Scope.of(federation));
		q.add("child_federation_figures", SummaryQuery.values("children", "active"));
		// one row per federation (the categories side by side), so that the statement
		// adds up one row per federation and source, not one per category
		Map<String, String> categories = new LinkedHashMap<>();
		StringBuilder byCategory = new StringBuilder("(select federation_id");
		for (ChildCategory category : ChildCategory.values()) {
			String column = "category_" + category.name().toLowerCase(java.util.Locale.ROOT);
			byCategory.append(", sum(active) filter (where category = '")
				.append(category.name())
				.append("') as ")
				.append(column);
			categories.put(column, "coalesce(" + column + ", 0)");
		}
		q.add(byCategory + " from child_category_figures group by federation_id) as c", categories);
		q.add("volunteer_federation_figures",
				SummaryQuery.values("mothers", "mothers_active", "reserves", "reserves", "applicants", "applicants"));
		q.add("volunteer_training_daily_figures where day between ? and ?",
				SummaryQuery.values("training_hours", "hours"), from, to);
		q.addPeriod("visit_daily_figures", "visit_monthly_figures",
				SummaryQuery.values("contacts", "contacts", "home_visits", "home_visits", "gift_value", "gift_value"),
				period.from(), period.to());
		// active pairings; care gaps by the one cadence definition: the pairings whose
		// earlier due date has passed, i.e. all but those due today or later; home visits
		// of the last 90 days from the days of the last home visits
		q.add("visit_care_totals", SummaryQuery.values("pairings", "pairings", "care_gaps", "pairings"));
		q.add("""
				(select federation_id, sum(home_visited) as home_visited, sum(due) filter (where day >= ?) as due_ahead
				from visit_care_days where day > ? group by federation_id) as d""",
				SummaryQuery.values("home_visited_90", "home_visited", "care_gaps", "-coalesce(due_ahead, 0)"),
				Date.valueOf(today), Date.valueOf(today.minusDays(90)));
		q.addPeriod("need_daily_figures", "need_monthly_figures", SummaryQuery.values("needs_opened", "opened",
				"needs_resolved", "resolved", "needs_referred", "referred"), period.from(), period.to());
		q.add("need_open_figures", SummaryQuery.values("needs_open", "open", "safety_open", "safety_open"));
		q.add("event_daily_figures where day between ? and ?",
				SummaryQuery.values("events", "events", "attendance", "attendance"), from, to);
		List<Object> arguments = new ArrayList<>(q.arguments());
		arguments.add(p);
		g.query(this.jdbc, "select {group}, " + q.sums("s") + " from " + q.rows() + " as s(" + q.columns()
				+ ") join federation f on f.id = s.federation_id where {scope} {by}", tallies, (t, rs) -> {
					int i = 3;
					t.childrenActive = rs.getLong(i++);
					t.mothersActive = rs.getLong(i++);
					t.reserves = rs.getLong(i++);
					t.applicants = rs.getLong(i++);
					t.trainingHours = rs.getBigDecimal(i++);
					t.contacts = rs.getLong(i++);
					t.homeVisits = rs.getLong(i++);
					t.giftValue = rs.getBigDecimal(i++);
					t.activePairings = rs.getLong(i++);
					t.childrenPaired = t.activePairings;
					t.homeVisited90 = rs.getLong(i++);
					t.careGaps = rs.getLong(i++);
					t.needsOpened = rs.getLong(i++);
					t.needsResolved = rs.getLong(i++);
					t.needsReferred = rs.getLong(i++);
					t.needsOpen = rs.getLong(i++);
					t.safetyFlags = rs.getLong(i++);
					t.events = rs.getLong(i++);
					t.attendance = rs.getLong(i++);
					for (ChildCategory category : ChildCategory.values()) {
						long count = rs.getLong(i++);
						if (count != 0) {
							t.byCategory.put(category.name(), count);
						}
					}
				}, arguments.toArray());
		g.query(this.jdbc, """
				select {group}, percentile_cont(0.5) within group (order by r.days)
				from need_resolutions r join federation f on f.id = r.federation_id
				where {scope} and r.closed_on between ? and ? {sets}""", tallies, (t, rs) -> {
			double median = rs.getDouble(3);
			t.medianDays = rs.wasNull() ? null : median;
		}, p, from, to);
		Tally total = tallies.computeIfAbsent(TOTAL, k -> new Tally());
		tallies.forEach((key, tally) -> {
			if (!key.equals(TOTAL)) {
				total.add(tally);
			}
		});
		return tallies;
	}

	/** Contacts in each of the twelve months up to this one, oldest first. */
	private List<MonthCount> months(Federation federation) {
		YearMonth now = YearMonth.now(this.clock);
		YearMonth first = now.minusMonths(11);
		Map<YearMonth, long[]> counts = new TreeMap<>();
		for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
			counts.put(m, new long[2]);
		}
		this.jdbc.query("""
				select extract(year from s.month)::int, extract(month from s.month)::int, sum(s.contacts),
				  sum(s.home_visits)
				from visit_monthly_figures s join federation f on f.id = s.federation_id
				where {scope} and s.month between ? and ? group by 1, 2""".replace("{scope}", Scope.sql("f")), rs -> {
			long[] c = counts.get(YearMonth.of(rs.getInt(1), rs.getInt(2)));
			c[0] = rs.getLong(3);
			c[1] = rs.getLong(4);
		}, Scope.of(federation).sqlArgument(), Date.valueOf(first.atDay(1)), Date.valueOf(now.atDay(1)));
		return counts.entrySet()
			.stream()
			.map(e -> new MonthCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/**
	 * Target against actual for each year of the action, for the federation and each one
	 * directly below it, from the pairing module's yearly counts (mothers are counted
	 * distinct over the whole federation, so a mother paired in two townships counts once
	 * in their county).
	 */
	private Map<Long, List<YearProgress>> years(Federation federation, List<Federation> measured) {
		List<Integer> years = this.targets.years();
		Long[] ids = measured.stream().map(Federation::getId).toArray(Long[]::new);
		Map<Long, long[]> actual = new HashMap<>();
		this.jdbc.query("select federation_id, year, pairings, mothers from pairing_year_figures"
				+ " where federation_id = any (?)", rs -> {
					int index = years.indexOf(rs.getInt(2));
					if (index >= 0) {
						long[] values = actual.computeIfAbsent(rs.getLong(1), id -> new long[years.size() * 2]);
						values[2 * index] = rs.getLong(3);
						values[2 * index + 1] = rs.getLong(4);
					}
				}, (Object) ids);
		Map<Long, Map<Integer, TargetValue>> goals = this.targets.effective(federation, measured);
		Map<Long, List<YearProgress>> result = new HashMap<>();
		for (Federation f : measured) {
			long[] values = actual.getOrDefault(f.getId(), new long[years.size() * 2]);
			List<YearProgress> list = new ArrayList<>();
			for (int i = 0; i < years.size(); i++) {
				TargetValue goal = goals.get(f.getId()).get(years.get(i));
				list.add(new YearProgress(years.get(i), goal == null ? null : goal.pairings(),
						goal == null ? null : goal.mothers(), goal != null && goal.own(), values[2 * i],
						values[2 * i + 1]));
			}
			result.put(f.getId(), list);
		}
		return result;
	}

	/**
	 * Groups the records of a federation's subtree by the federation directly below it
	 * (the path segment after the federation's own), plus a grand total. Records of the
	 * federation itself count in the total only.
	 */
	private static final class Grouping {

		private final String key;

		Grouping(Federation federation) {
			int depth = federation.getPath().split("/").length - 1;
			this.key = "split_part(f.path, '/', " + (depth + 2) + ")";
		}

		/**
		 * Runs a query whose text selects {@code {group}} first (the total flag and the
		 * group's key, columns 1 and 2) and ends with {@code {by}} (one row per group),
		 * {@code {sets}} (the groups and a total row) or groups by {@code {key}} itself.
		 */
		void query(JdbcTemplate jdbc, String sql, Map<String, Tally> tallies, Row row, Object... arguments) {
			queryRows(jdbc, sql, (key, rs) -> row.read(tallies.computeIfAbsent(key, k -> new Tally()), rs), arguments);
		}

		void queryRows(JdbcTemplate jdbc, String sql, KeyedRow row, Object... arguments) {
			boolean sets = sql.contains("{sets}");
			String text = sql.replace("{group}", (sets ? "grouping(" + this.key + ")" : "0") + " as total, " + this.key)
				.replace("{sets}", "group by grouping sets ((" + this.key + "), ())")
				.replace("{by}", "group by " + this.key)
				.replace("{key}", this.key)
				.replace("{scope}", Scope.sql("f"));
			jdbc.query(text, rs -> {
				row.read(rs.getInt(1) == 1 ? TOTAL : rs.getString(2), rs);
			}, arguments);
		}

	}

	@FunctionalInterface
	private interface Row {

		void read(Tally tally, ResultSet rs) throws SQLException;

	}

	@FunctionalInterface
	private interface KeyedRow {

		void read(String key, ResultSet rs) throws SQLException;

	}

	/** The figures of one group while they are being counted. */
	private static final class Tally {

		long childrenActive;

		final Map<String, Long> byCategory = new TreeMap<>();

		long childrenPaired;

		long mothersActive;

		long reserves;

		long applicants;

		BigDecimal trainingHours;

		long contacts;

		long homeVisits;

		BigDecimal giftValue;

		long activePairings;

		long careGaps;

		long homeVisited90;

		long needsOpened;

		long needsResolved;

		long needsReferred;

		long needsOpen;

		long safetyFlags;

		Double medianDays;

		long events;

		long attendance;

		/** Adds the figures that add up (all but the median, counted with its total). */
		void add(Tally other) {
			this.childrenActive += other.childrenActive;
			other.byCategory.forEach((category, count) -> this.byCategory.merge(category, count, Long::sum));
			this.childrenPaired += other.childrenPaired;
			this.mothersActive += other.mothersActive;
			this.reserves += other.reserves;
			this.applicants += other.applicants;
			this.trainingHours = sum(this.trainingHours, other.trainingHours);
			this.contacts += other.contacts;
			this.homeVisits += other.homeVisits;
			this.giftValue = sum(this.giftValue, other.giftValue);
			this.activePairings += other.activePairings;
			this.careGaps += other.careGaps;
			this.homeVisited90 += other.homeVisited90;
			this.events += other.events;
			this.attendance += other.attendance;
			this.needsOpened += other.needsOpened;
			this.needsResolved += other.needsResolved;
			this.needsReferred += other.needsReferred;
			this.needsOpen += other.needsOpen;
			this.safetyFlags += other.safetyFlags;
		}

		private static BigDecimal sum(BigDecimal a, BigDecimal b) {
			return a == null ? b : (b == null ? a : a.add(b));
		}

		Figures figures() {
			return new Figures(this.childrenActive, this.byCategory, this.childrenPaired, this.mothersActive,
					this.reserves, this.applicants, orZero(this.trainingHours), this.contacts, this.homeVisits,
					this.activePairings, this.careGaps, this.homeVisited90, this.needsOpened, this.needsResolved,
					this.needsReferred, this.needsOpen, this.medianDays, this.safetyFlags, this.events, this.attendance,
					orZero(this.giftValue));
		}

		private static BigDecimal orZero(BigDecimal value) {
			return value == null ? BigDecimal.ZERO : value;
		}

	}

}
