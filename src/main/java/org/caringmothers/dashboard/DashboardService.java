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
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.Scope;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.TargetService;
import org.caringmothers.federation.TargetValue;
import org.caringmothers.pairing.CareGapService;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's read model. Figures are counted live from the records of a federation's
 * subtree (the materialised path prefix), so they equal the detailed lists of the same
 * scope and period. Each kind of figure is one aggregate query that scans the subtree
 * once and groups it by the federation directly below ({@code grouping sets}), giving the
 * total and every comparison row together: about a dozen queries per page, however many
 * federations lie below.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class DashboardService {

	private static final String TOTAL = "\u0000total";

	private final JdbcTemplate jdbc;

	private final FederationService federations;

	private final TargetService targets;

	private final CareGapService careGaps;

	private final Clock clock;

	/** The figures of a federation with everything below it. */
	public Figures figures(Federation federation, Period period) {
		return progress(federation, period).total();
	}

	public Progress progress(Federation federation, Period period) {
		// A generic plan guesses that a path prefix matches a handful of federations and
		// loops over millions of contacts for a province; plan each query for its values.
		this.jdbc.execute("set local plan_cache_mode = force_custom_plan");
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

	private Map<String, Tally> tally(Federation federation, Period period) {
		Grouping g = new Grouping(federation);
		Object p = Scope.of(federation).sqlArgument();
		Map<String, Tally> tallies = new HashMap<>();
		Date from = Date.valueOf(period.from());
		Date to = Date.valueOf(period.to());
		LocalDate today = LocalDate.now(this.clock);
		g.query(this.jdbc,
				"""
						select {group}, count(*),
						  count(*) filter (where exists (select 1 from pairing x where x.child_id = c.id and x.end_date is null))
						from child c join federation f on f.id = c.federation_id
						where {scope} and c.status = 'ACTIVE' {by}""",
				tallies, (t, rs) -> {
					t.childrenActive = rs.getLong(3);
					t.childrenPaired = rs.getLong(4);
				}, p);
		g.query(this.jdbc, """
				select {group}, cc.category, count(*)
				from child c join child_category cc on cc.child_id = c.id join federation f on f.id = c.federation_id
				where {scope} and c.status = 'ACTIVE'
				group by {key}, cc.category""", tallies, (t, rs) -> t.byCategory.put(rs.getString(3), rs.getLong(4)),
				p);
		g.query(this.jdbc, """
				select {group}, count(*) filter (where v.role = 'MOTHER' and v.status = 'ACTIVE'),
				  count(*) filter (where v.role = 'RESERVE' and v.status <> 'WITHDRAWN'),
				  count(*) filter (where v.status in ('APPLIED', 'SCREENED', 'TRAINED'))
				from volunteer v join federation f on f.id = v.federation_id
				where {scope} {by}""", tallies, (t, rs) -> {
			t.mothersActive = rs.getLong(3);
			t.reserves = rs.getLong(4);
			t.applicants = rs.getLong(5);
		}, p);
		g.query(this.jdbc,
				"""
						select {group}, sum(t.hours)
						from volunteer_training t join volunteer v on v.id = t.volunteer_id join federation f on f.id = v.federation_id
						where {scope} and t.training_date between ? and ? {by}""",
				tallies, (t, rs) -> t.trainingHours = rs.getBigDecimal(3), p, from, to);
		g.query(this.jdbc, """
				select {group}, count(*), count(*) filter (where x.mode = 'HOME_VISIT')
				from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
				join federation f on f.id = c.federation_id
				where {scope} and x.visit_date between ? and ? {by}""", tallies, (t, rs) -> {
			t.contacts = rs.getLong(3);
			t.homeVisits = rs.getLong(4);
		}, p, from, to);
		g.query(this.jdbc, """
				select {group}, sum(gi.value_yuan)
				from visit_gift gi join visit x on x.id = gi.visit_id join pairing y on y.id = x.pairing_id
				join child c on c.id = y.child_id join federation f on f.id = c.federation_id
				where {scope} and x.visit_date between ? and ? {by}""", tallies,
				(t, rs) -> t.giftValue = rs.getBigDecimal(3), p, from, to);
		g.query(this.jdbc, """
				select {group}, count(*),
				  count(*) filter (where exists (select 1 from visit x where x.pairing_id = y.id
				    and x.mode = 'HOME_VISIT' and x.visit_date > ?))
				from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
				where y.end_date is null and {scope} {by}""", tallies, (t, rs) -> {
			t.activePairings = rs.getLong(3);
			t.homeVisited90 = rs.getLong(4);
		}, Date.valueOf(today.minusDays(90)), p);
		// Care gaps by the pairing module's one definition (each federation's cadence).
		this.careGaps.countByFederationBelow(federation)
			.forEach((id, gaps) -> tallies.computeIfAbsent(id.equals(federation.getId()) ? "" : String.valueOf(id),
					k -> new Tally()).careGaps = gaps);
		g.query(this.jdbc, """
				select {group}, count(*) filter (where n.raised_at::date between ? and ?),
				  count(*) filter (where n.status = 'RESOLVED' and n.closed_at::date between ? and ?),
				  count(*) filter (where n.status = 'REFERRED' and n.closed_at::date between ? and ?),
				  count(*) filter (where n.status in ('OPEN', 'IN_PROGRESS')),
				  count(*) filter (where n.mandatory_report and n.report_action is null),
				  percentile_cont(0.5) within group (order by extract(epoch from n.closed_at - n.raised_at) / 86400)
				    filter (where n.status = 'RESOLVED' and n.closed_at::date between ? and ?)
				from need n join child c on c.id = n.child_id join federation f on f.id = c.federation_id
				where {scope} {sets}""", tallies, (t, rs) -> {
			t.needsOpened = rs.getLong(3);
			t.needsResolved = rs.getLong(4);
			t.needsReferred = rs.getLong(5);
			t.needsOpen = rs.getLong(6);
			t.safetyFlags = rs.getLong(7);
			double median = rs.getDouble(8);
			t.medianDays = rs.wasNull() ? null : median;
		}, from, to, from, to, from, to, from, to, p);
		g.query(this.jdbc, """
				select {group}, count(*), sum(e.attendance_count)
				from event e join federation f on f.id = e.federation_id
				where {scope} and e.event_date between ? and ? {by}""", tallies, (t, rs) -> {
			t.events = rs.getLong(3);
			t.attendance = rs.getLong(4);
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
				select extract(year from x.visit_date)::int, extract(month from x.visit_date)::int, count(*),
				  count(*) filter (where x.mode = 'HOME_VISIT')
				from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
				join federation f on f.id = c.federation_id
				where {scope} and x.visit_date between ? and ? group by 1, 2""".replace("{scope}", Scope.sql("f")),
				rs -> {
					long[] c = counts.get(YearMonth.of(rs.getInt(1), rs.getInt(2)));
					c[0] = rs.getLong(3);
					c[1] = rs.getLong(4);
				}, Scope.of(federation).sqlArgument(), Date.valueOf(first.atDay(1)), Date.valueOf(now.atEndOfMonth()));
		return counts.entrySet()
			.stream()
			.map(e -> new MonthCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/**
	 * Target against actual for each year of the action, for the federation and each one
	 * directly below it. Mothers are counted distinct over the whole federation, so a
	 * mother paired in two townships counts once in their county.
	 */
	private Map<Long, List<YearProgress>> years(Federation federation, List<Federation> measured) {
		Grouping g = new Grouping(federation);
		List<Integer> years = this.targets.years();
		StringBuilder columns = new StringBuilder("{group}");
		List<Object> arguments = new ArrayList<>();
		for (int year : years) {
			columns.append(", count(*) filter (where y.start_date <= ? and (y.end_date is null or y.end_date >= ?))")
				.append(", count(distinct y.volunteer_id) filter (where y.start_date <= ?")
				.append(" and (y.end_date is null or y.end_date >= ?))");
			Date first = Date.valueOf(LocalDate.of(year, 1, 1));
			Date last = Date.valueOf(LocalDate.of(year, 12, 31));
			arguments.addAll(List.of(last, first, last, first));
		}
		arguments.add(Scope.of(federation).sqlArgument());
		Map<String, long[]> actual = new HashMap<>();
		g.queryRows(this.jdbc, "select " + columns + """
				 from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
				where {scope} {sets}""", (key, rs) -> {
			long[] values = new long[years.size() * 2];
			for (int i = 0; i < values.length; i++) {
				values[i] = rs.getLong(3 + i);
			}
			actual.put(key, values);
		}, arguments.toArray());
		Map<Long, Map<Integer, TargetValue>> goals = this.targets.effective(federation, measured);
		Map<Long, List<YearProgress>> result = new HashMap<>();
		for (Federation f : measured) {
			long[] values = actual.getOrDefault(
					f.getId().equals(federation.getId()) ? TOTAL : String.valueOf(f.getId()),
					new long[years.size() * 2]);
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

		/** Adds the figures that add up (all but the needs, counted with their total). */
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
