package org.caringmothers.visit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.caringmothers.federation.Scope;
import org.caringmothers.pairing.CareCadence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The care cadence of active pairings read from the {@code visit_care_due} view (the due
 * dates of {@link CareCadence}, from the last contacts this module keeps and each
 * federation's cadence): one statement that returns only the rows asked for (the gaps of
 * a scope, a page of them, or one mother's pairings), never every pairing of a scope.
 */
@Component
@RequiredArgsConstructor
class CareDue {

	/** A pairing is a care gap when the earlier of its due dates lies before today. */
	static final String GAP = "least(d.contact_due, d.home_visit_due) < ?::date";

	/** Whether the mother was reminded after her last recorded contact on the pairing. */
	private static final String REMINDED = """
			exists (select 1 from reminder r where r.pairing_id = d.pairing_id
			  and r.created_at > coalesce((select max(v.created_at) from visit v where v.pairing_id = d.pairing_id),
			                              timestamptz '1970-01-01'))""";

	private static final String COLUMNS = "d.pairing_id, d.start_date, d.last_contact, d.last_home_visit, "
			+ "d.contact_days, d.home_visit_days, " + REMINDED;

	private static final String TOWNSHIP = "case f.level when 'TOWNSHIP' then f.id when 'VILLAGE' then f.parent_id end";

	private final JdbcTemplate jdbc;

	/** The cadence of each active pairing of the mother, in start order. */
	List<Due> ofMother(long motherId) {
		return this.jdbc.query("select " + COLUMNS + " from visit_care_due d where d.volunteer_id = ?"
				+ " order by d.start_date, d.pairing_id", (rs, i) -> due(rs), motherId);
	}

	/**
	 * One page of the care gaps of a scope, most overdue first, with how many there are
	 * (also when the page lies past the end).
	 */
	Gaps gaps(Scope scope, CareGapFilter filter, LocalDate today, long offset, int limit) {
		List<Object> arguments = new ArrayList<>();
		String where = where(scope, filter, today, arguments);
		arguments.add(limit);
		arguments.add(offset);
		long[] total = { 0 };
		List<Due> rows = new ArrayList<>();
		// one row at least (the total, with an empty page past the end)
		this.jdbc.query("""
				with g as (select d.pairing_id, d.start_date, d.last_contact, d.last_home_visit, d.contact_days,
				    d.home_visit_days, least(d.contact_due, d.home_visit_due) as due
				  from visit_care_due d join federation f on f.id = d.federation_id where %s)
				select %s, c.total from (select count(*) as total from g) c
				left join lateral (select * from g order by g.due, g.pairing_id limit ? offset ?) d on true"""
			.formatted(where, COLUMNS), rs -> {
				total[0] = rs.getLong(8);
				if (rs.getObject(1) != null) {
					rows.add(due(rs));
				}
			}, arguments.toArray());
		return new Gaps(rows, total[0], 0);
	}

	/**
	 * The townships and the mothers that have care gaps in the scope (what the list's
	 * filters offer), as ids.
	 */
	Options options(Scope scope, LocalDate today) {
		return this.jdbc.queryForObject(
				"select array_agg(distinct " + TOWNSHIP + ") filter (where " + TOWNSHIP
						+ " is not null), array_agg(distinct d.volunteer_id) from visit_care_due d"
						+ " join federation f on f.id = d.federation_id where " + Scope.sql("f") + " and " + GAP,
				(rs, i) -> new Options(ids(rs, 1), ids(rs, 2)), scope.sqlArgument(), Date.valueOf(today));
	}

	/**
	 * The weekly digest in one statement: the first {@code lines} gaps of the scope (most
	 * overdue first) with their count and how many began since {@code recentFrom}, and
	 * the first {@code lines} mothers silent for more than {@code silentDays} days
	 * (longest first), each with one of her pairings, the days and her children in the
	 * scope.
	 */
	Digest digest(Scope scope, LocalDate today, LocalDate recentFrom, int silentDays, int lines) {
		Object path = scope.sqlArgument();
		Date day = Date.valueOf(today);
		List<Due> gaps = new ArrayList<>();
		List<Silent> silent = new ArrayList<>();
		long[] counts = new long[3];
		this.jdbc.query("""
				(select 'G', %s, count(*) over (),
				   count(*) filter (where least(d.contact_due, d.home_visit_due) >= ?::date) over (), 0
				 from visit_care_due d join federation f on f.id = d.federation_id where %s and %s
				 order by least(d.contact_due, d.home_visit_due), d.pairing_id limit ?)
				union all
				(select 'S', min(d.pairing_id), null, null, null, 0, 0, false, count(*) over (),
				   min(?::date - coalesce(d.last_contact, d.start_date)), count(*)
				 from visit_care_due d join federation f on f.id = d.federation_id where %s
				 group by d.volunteer_id having min(?::date - coalesce(d.last_contact, d.start_date)) > ?
				 order by 10 desc, 2 limit ?)""".formatted(COLUMNS, Scope.sql("f"), GAP, Scope.sql("f")), rs -> {
			if (rs.getString(1).equals("G")) {
				gaps.add(new Due(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
						rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getInt(7), rs.getBoolean(8)));
				counts[0] = rs.getLong(9);
				counts[1] = rs.getLong(10);
			}
			else {
				silent.add(new Silent(rs.getLong(2), rs.getLong(10), rs.getInt(11)));
				counts[2] = rs.getLong(9);
			}
		}, Date.valueOf(recentFrom.minusDays(1)), path, day, lines, day, path, day, silentDays, lines);
		return new Digest(new Gaps(gaps, counts[0], counts[1]), silent, counts[2]);
	}

	private static String where(Scope scope, CareGapFilter filter, LocalDate today, List<Object> arguments) {
		Date day = Date.valueOf(today);
		StringBuilder where = new StringBuilder(Scope.sql("f") + " and " + GAP);
		arguments.add(scope.sqlArgument());
		arguments.add(day);
		if (filter.township() != null) {
			where.append(" and ").append(TOWNSHIP).append(" = ?");
			arguments.add(filter.township());
		}
		if (filter.mother() != null) {
			where.append(" and d.volunteer_id = ?");
			arguments.add(filter.mother());
		}
		if (filter.kind() == CareGapKind.CONTACT) {
			where.append(" and d.contact_due < ?::date");
			arguments.add(day);
		}
		else if (filter.kind() == CareGapKind.HOME_VISIT) {
			where.append(" and d.home_visit_due < ?::date");
			arguments.add(day);
		}
		if (filter.recent()) {
			// the gap began (the day after the earlier due date) within the last days
			where.append(" and least(d.contact_due, d.home_visit_due) >= ?::date");
			arguments.add(Date.valueOf(today.minusDays(CareGapFilter.RECENT_DAYS)));
		}
		return where.toString();
	}

	private static Due due(ResultSet rs) throws SQLException {
		return new Due(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
				rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getBoolean(7));
	}

	private static List<Long> ids(ResultSet rs, int column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(id -> ((Number) id).longValue()).toList();
	}

	/** The dates and the cadence of one active pairing, and whether she was reminded. */
	record Due(long pairingId, LocalDate start, LocalDate lastContact, LocalDate lastHomeVisit, int contactDays,
			int homeVisitDays, boolean reminded) {

		CareCadence cadence() {
			return CareCadence.of(this.start, this.lastContact, this.lastHomeVisit, this.contactDays,
					this.homeVisitDays);
		}

	}

	/** Some gaps, how many there are in all, and how many of them are recent. */
	record Gaps(List<Due> rows, long total, long recent) {
	}

	/**
	 * A silent mother (by one of her pairings), her days without contact, her children.
	 */
	record Silent(long pairingId, long days, int children) {
	}

	record Digest(Gaps gaps, List<Silent> silent, long silentCount) {
	}

	record Options(List<Long> townships, List<Long> mothers) {
	}

}
