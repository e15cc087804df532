package org.caringmothers.dashboard;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.federation.Federation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's read model: every figure is one aggregate query over the records of a
 * federation's subtree (the materialised path prefix), so figures are live and equal to
 * the detailed lists of the same scope and period.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class DashboardService {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public Figures figures(Federation federation, Period period) {
		String p = federation.getPath() + "%";
		Date from = Date.valueOf(period.from());
		Date to = Date.valueOf(period.to());
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Long> byCategory = new LinkedHashMap<>();
		this.jdbc.query("""
				select cc.category, count(*) from child c join child_category cc on cc.child_id = c.id
				join federation f on f.id = c.federation_id
				where f.path like ? and c.status = 'ACTIVE' group by cc.category order by cc.category""", row -> {
			byCategory.put(row.getString(1), row.getLong(2));
		}, p);
		return new Figures(count("""
				select count(*) from child c join federation f on f.id = c.federation_id
				where f.path like ? and c.status = 'ACTIVE'""", p), byCategory, count("""
				select count(*) from child c join federation f on f.id = c.federation_id
				where f.path like ? and c.status = 'ACTIVE'
				  and exists (select 1 from pairing x where x.child_id = c.id and x.end_date is null)""", p), count("""
				select count(*) from volunteer v join federation f on f.id = v.federation_id
				where f.path like ? and v.role = 'MOTHER' and v.status = 'ACTIVE'""", p), count("""
				select count(*) from volunteer v join federation f on f.id = v.federation_id
				where f.path like ? and v.role = 'RESERVE' and v.status <> 'WITHDRAWN'""", p), count("""
				select count(*) from volunteer v join federation f on f.id = v.federation_id
				where f.path like ? and v.status in ('APPLIED', 'SCREENED', 'TRAINED')""", p), decimal("""
				select coalesce(sum(t.hours), 0) from volunteer_training t join volunteer v on v.id = t.volunteer_id
				join federation f on f.id = v.federation_id
				where f.path like ? and t.training_date between ? and ?""", p, from, to), count("""
				select count(*) from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
				join federation f on f.id = c.federation_id where f.path like ? and x.visit_date between ? and ?""", p,
				from, to),
				count("""
						select count(*) from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
						join federation f on f.id = c.federation_id
						where f.path like ? and x.visit_date between ? and ? and x.mode = 'HOME_VISIT'""",
						p, from, to),
				count("""
						select count(*) from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
						where f.path like ? and y.end_date is null""",
						p),
				count("""
						select count(*) from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
						where f.path like ? and y.end_date is null
						  and exists (select 1 from visit x where x.pairing_id = y.id and x.visit_date > ?)""",
						p, Date.valueOf(today.minusDays(30))),
				count("""
						select count(*) from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
						where f.path like ? and y.end_date is null
						  and exists (select 1 from visit x where x.pairing_id = y.id and x.mode = 'HOME_VISIT'
						    and x.visit_date > ?)""",
						p, Date.valueOf(today.minusDays(90))),
				count(needs("n.raised_at::date between ? and ?"), p, from, to),
				count(needs("n.status = 'RESOLVED' and n.closed_at::date between ? and ?"), p, from, to),
				count(needs("n.status = 'REFERRED' and n.closed_at::date between ? and ?"), p, from, to),
				count(needs("n.status in ('OPEN', 'IN_PROGRESS')"), p), median(p, from, to),
				count(needs("n.mandatory_report and n.report_action is null"), p), count("""
						select count(*) from event e join federation f on f.id = e.federation_id
						where f.path like ? and e.event_date between ? and ?""", p, from, to),
				count("""
						select coalesce(sum(e.attendance_count), 0) from event e join federation f on f.id = e.federation_id
						where f.path like ? and e.event_date between ? and ?""",
						p, from, to),
				decimal("""
						select coalesce(sum(g.value_yuan), 0) from visit_gift g join visit x on x.id = g.visit_id
						join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
						join federation f on f.id = c.federation_id where f.path like ? and x.visit_date between ? and ?""",
						p, from, to));
	}

	/** The same figures for each child federation, in code order. */
	public Map<Federation, Figures> compare(List<Federation> children, Period period) {
		Map<Federation, Figures> rows = new LinkedHashMap<>();
		for (Federation child : children) {
			rows.put(child, figures(child, period));
		}
		return rows;
	}

	private static String needs(String condition) {
		return "select count(*) from need n join child c on c.id = n.child_id join federation f on f.id = c.federation_id"
				+ " where f.path like ? and " + condition;
	}

	private Double median(String pattern, Date from, Date to) {
		return this.jdbc.queryForObject(
				"""
						select percentile_cont(0.5) within group (order by extract(epoch from n.closed_at - n.raised_at) / 86400)
						from need n join child c on c.id = n.child_id join federation f on f.id = c.federation_id
						where f.path like ? and n.status = 'RESOLVED' and n.closed_at::date between ? and ?""",
				Double.class, pattern, from, to);
	}

	private long count(String sql, Object... arguments) {
		Long value = this.jdbc.queryForObject(sql, Long.class, arguments);
		return value == null ? 0 : value;
	}

	private BigDecimal decimal(String sql, Object... arguments) {
		BigDecimal value = this.jdbc.queryForObject(sql, BigDecimal.class, arguments);
		return value == null ? BigDecimal.ZERO : value;
	}

}
