package org.caringmothers.dashboard;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.caringmothers.demo.ProvinceScaleData;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summaries the dashboard and the ledger read equal the live counts from the records,
 * on generated data (seeded) after the kinds of change the records meet: contacts
 * corrected (day, kind), gifts added, changed and removed, contacts deleted, needs
 * resolved, referred and reopened, children placed in another federation, pairings ended,
 * and contacts of a month already closed edited; checked for random federations and
 * periods (whole months, partial months, single days). The rebuild then finds nothing to
 * correct, and finds a summary row that was tampered with.
 */
@SpringBootTest(properties = "caringmothers.embedded-db.data-dir=target/test-postgres/summaries-${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummaryConsistencyTests {

	@Autowired
	ProvinceScaleData scaleData;

	@Autowired
	DashboardService dashboards;

	@Autowired
	LedgerService ledgers;

	@Autowired
	SummaryRebuild rebuild;

	@Autowired
	FederationService federations;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	final Random random = new Random(20261129);

	@BeforeAll
	void generate() {
		this.scaleData.generate(600, 360, 12_000);
		this.transactions.executeWithoutResult(status -> change());
	}

	/** Every kind of change, each on a seeded random sample of the records. */
	private void change() {
		// corrections within 7 days: another day, another kind of contact
		this.jdbc
			.update("""
					update visit set visit_date = greatest(visit_date - (id % 7)::int, (select start_date from pairing where id = pairing_id)),
					  mode = case when mode = 'HOME_VISIT' then 'PHONE' else 'HOME_VISIT' end, updated_at = now()
					where id in (select id from visit order by md5(id::text) limit 300)""");
		// gifts added, changed, removed
		this.jdbc.update("""
				insert into visit_gift (visit_id, position, item, value_yuan)
				select id, 90, 'test', (id % 200) + 0.5 from visit order by md5(id::text || 'g') limit 200""");
		this.jdbc
			.update("""
					update visit_gift set value_yuan = value_yuan + 7
					where (visit_id, position) in (select visit_id, position from visit_gift order by md5(visit_id::text) limit 100)""");
		this.jdbc
			.update("""
					delete from visit_gift
					where (visit_id, position) in (select visit_id, position from visit_gift order by md5(visit_id::text || 'd') limit 100)""");
		// contacts deleted (with their gifts and photos), where no need names them
		this.jdbc
			.update("""
					delete from visit where id in (select id from visit x where not exists (select 1 from need n where n.visit_id = x.id)
					  and not exists (select 1 from visit_photo p where p.visit_id = x.id) order by md5(id::text || 'x') limit 150)""");
		// needs resolved, referred, reopened
		this.jdbc
			.update("""
					update need set status = 'RESOLVED', closed_at = raised_at + interval '3 days'
					where id in (select id from need where status in ('OPEN', 'IN_PROGRESS') order by md5(id::text) limit 20)""");
		this.jdbc
			.update("""
					update need set status = 'REFERRED', referred_to = 'EDUCATION', closed_at = raised_at + interval '9 days'
					where id in (select id from need where status in ('OPEN', 'IN_PROGRESS') order by md5(id::text) limit 10)""");
		this.jdbc
			.update("""
					update need set status = 'IN_PROGRESS', referred_to = null, closed_at = null
					where id in (select id from need where status in ('RESOLVED', 'REFERRED') order by md5(id::text || 'r') limit 10)""");
		// children placed in a township of another county
		this.jdbc.update("""
				update child c set federation_id = (select f.id from federation f where f.level = 'TOWNSHIP'
				    and f.id <> c.federation_id order by md5(f.id::text || c.id::text) limit 1)
				where id in (select id from child order by md5(id::text) limit 25)""");
		// pairings ended
		this.jdbc
			.update("""
					update pairing set end_date = greatest(start_date, current_date - 3), end_reason = 'OTHER', end_note = 'test'
					where id in (select id from pairing where end_date is null order by md5(id::text) limit 30)""");
		// a closed month whose contacts are then edited
		YearMonth closed = YearMonth.now(this.clock).minusMonths(2);
		this.jdbc.update("""
				insert into month_report (federation_id, month, closed_at, closed_by, closed_by_name)
				select id, ?, now(), (select min(id) from app_user), 'test' from federation where parent_id is null""",
				Date.valueOf(closed.atDay(1)));
		this.jdbc.update("""
				update visit set visit_date = visit_date + 1, updated_at = now()
				where id in (select id from visit where visit_date between ? and ? order by id limit 40)""",
				Date.valueOf(closed.atDay(1)), Date.valueOf(closed.atEndOfMonth().minusDays(1)));
	}

	@Test
	void everyFigureEqualsTheRecordsForRandomFederationsAndPeriods() {
		// the federations above townships, and the townships and villages that hold
		// children
		List<Long> ids = this.jdbc.queryForList("""
				select id from federation where level in ('PROVINCE', 'CITY', 'COUNTY')
				union select distinct federation_id from child order by 1""", Long.class);
		LocalDate today = LocalDate.now(this.clock);
		List<Period> periods = new ArrayList<>();
		for (Period.Kind kind : List.of(Period.Kind.THIS_MONTH, Period.Kind.LAST_MONTH, Period.Kind.QUARTER,
				Period.Kind.YEAR)) {
			periods.add(Period.of(kind, today, null, null));
		}
		for (int i = 0; i < 12; i++) {
			LocalDate from = today.minusDays(this.random.nextInt(1100));
			LocalDate to = from.plusDays(this.random.nextInt(i % 3 == 0 ? 3 : 500));
			periods.add(new Period(Period.Kind.CUSTOM, from, to));
		}
		int checked = 0;
		for (int i = 0; i < 64; i++) {
			Federation federation = this.federations.findById(ids.get(this.random.nextInt(ids.size()))).orElseThrow();
			Period period = periods.get(i % periods.size());
			Figures figures = this.dashboards.figures(federation, period);
			Figures live = live(federation, period);
			assertThat(figures).as("%s %s", federation.getCode(), period)
				.usingRecursiveComparison()
				.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
				.ignoringFields("careGaps", "medianDaysToResolve")
				.isEqualTo(live);
			checked += figures.contacts() > 0 ? 1 : 0;
		}
		assertThat(checked).as("checks that met contacts").isGreaterThan(10);
	}

	@Test
	void theLedgerEqualsTheRecords() {
		Federation province = this.federations.findByCode("140000").orElseThrow();
		for (int i = 0; i < 6; i++) {
			YearMonth month = YearMonth.now(this.clock).minusMonths(this.random.nextInt(30));
			Ledger ledger = this.ledgers.ledger(province, month);
			Figures live = live(province, new Period(Period.Kind.CUSTOM, month.atDay(1), month.atEndOfMonth()));
			assertThat(ledger.total().get(LedgerFigure.CONTACTS).longValue()).isEqualTo(live.contacts());
			assertThat(ledger.total().get(LedgerFigure.HOME_VISITS).longValue()).isEqualTo(live.homeVisits());
			assertThat(ledger.total().get(LedgerFigure.GIFT_VALUE)).isEqualByComparingTo(live.giftValue());
			assertThat(ledger.total().get(LedgerFigure.NEEDS_OPENED).longValue()).isEqualTo(live.needsOpened());
			assertThat(ledger.total().get(LedgerFigure.NEEDS_RESOLVED).longValue()).isEqualTo(live.needsResolved());
			assertThat(ledger.total().get(LedgerFigure.EVENTS).longValue()).isEqualTo(live.events());
			assertThat(ledger.total().get(LedgerFigure.CHILDREN).longValue()).isEqualTo(live.childrenActive());
			assertThat(ledger.total().get(LedgerFigure.PAIRINGS_ACTIVE).longValue()).isEqualTo(this.jdbc.queryForObject(
					"select count(*) from pairing where start_date <= ? and (end_date is null or end_date > ?)",
					Long.class, Date.valueOf(month.atEndOfMonth()), Date.valueOf(month.atEndOfMonth())));
		}
	}

	@Test
	void theRebuildFindsNothingToCorrectAndCorrectsATamperedRow() {
		assertThat(this.rebuild.rebuild()).isEqualTo(Map.of("visit", 0L, "need", 0L));
		this.jdbc.update("update visit_day_summary set contacts = contacts + 1 where (federation_id, day) = "
				+ "(select federation_id, day from visit_day_summary order by day desc limit 1)");
		this.jdbc.update("delete from need_day_summary where (federation_id, day) = "
				+ "(select federation_id, day from need_day_summary order by day desc limit 1)");
		assertThat(this.rebuild.rebuild()).containsEntry("visit", 1L).containsEntry("need", 1L);
		assertThat(this.rebuild.rebuild()).isEqualTo(Map.of("visit", 0L, "need", 0L));
	}

	/** The figures counted from the records themselves, as the dashboard did before. */
	private Figures live(Federation federation, Period period) {
		Object p = Scope.of(federation).sqlArgument();
		Date from = Date.valueOf(period.from());
		Date to = Date.valueOf(period.to());
		Date since90 = Date.valueOf(LocalDate.now(this.clock).minusDays(90));
		Map<String, Object> c = this.jdbc.queryForMap(
				"""
						select count(*) as active,
						  count(*) filter (where exists (select 1 from pairing x where x.child_id = c.id and x.end_date is null)) as paired
						from child c join federation f on f.id = c.federation_id where f.path like ? and c.status = 'ACTIVE'""",
				p);
		Map<String, Long> categories = new TreeMap<>();
		this.jdbc.query("""
				select cc.category, count(*) from child c join child_category cc on cc.child_id = c.id
				join federation f on f.id = c.federation_id where f.path like ? and c.status = 'ACTIVE' group by 1""",
				rs -> {
					categories.put(rs.getString(1), rs.getLong(2));
				}, p);
		Map<String, Object> v = this.jdbc.queryForMap("""
				select count(*) filter (where v.role = 'MOTHER' and v.status = 'ACTIVE') as mothers,
				  count(*) filter (where v.role = 'RESERVE' and v.status <> 'WITHDRAWN') as reserves,
				  count(*) filter (where v.status in ('APPLIED', 'SCREENED', 'TRAINED')) as applicants
				from volunteer v join federation f on f.id = v.federation_id where f.path like ?""", p);
		BigDecimal hours = this.jdbc.queryForObject("""
				select coalesce(sum(t.hours), 0) from volunteer_training t join volunteer v on v.id = t.volunteer_id
				join federation f on f.id = v.federation_id where f.path like ? and t.training_date between ? and ?""",
				BigDecimal.class, p, from, to);
		Map<String, Object> x = this.jdbc.queryForMap("""
				select count(*) as contacts, count(*) filter (where x.mode = 'HOME_VISIT') as home,
				  coalesce(sum((select sum(g.value_yuan) from visit_gift g where g.visit_id = x.id)), 0) as gifts
				from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
				join federation f on f.id = c.federation_id where f.path like ? and x.visit_date between ? and ?""", p,
				from, to);
		Map<String, Object> y = this.jdbc.queryForMap(
				"""
						select count(*) as active, count(*) filter (where exists (select 1 from visit x where x.pairing_id = y.id
						    and x.mode = 'HOME_VISIT' and x.visit_date > ?)) as home90
						from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
						where y.end_date is null and f.path like ?""",
				since90, p);
		Map<String, Object> n = this.jdbc.queryForMap("""
				select count(*) filter (where n.raised_at::date between ? and ?) as opened,
				  count(*) filter (where n.status = 'RESOLVED' and n.closed_at::date between ? and ?) as resolved,
				  count(*) filter (where n.status = 'REFERRED' and n.closed_at::date between ? and ?) as referred,
				  count(*) filter (where n.status in ('OPEN', 'IN_PROGRESS')) as open,
				  count(*) filter (where n.mandatory_report and n.report_action is null) as safety
				from need n join child c on c.id = n.child_id join federation f on f.id = c.federation_id
				where f.path like ?""", from, to, from, to, from, to, p);
		Map<String, Object> e = this.jdbc.queryForMap("""
				select count(*) as events, coalesce(sum(e.attendance_count), 0) as attendance
				from event e join federation f on f.id = e.federation_id
				where f.path like ? and e.event_date between ? and ?""", p, from, to);
		return new Figures(l(c.get("active")), categories, l(c.get("paired")), l(v.get("mothers")),
				l(v.get("reserves")), l(v.get("applicants")), hours, l(x.get("contacts")), l(x.get("home")),
				l(y.get("active")), 0, l(y.get("home90")), l(n.get("opened")), l(n.get("resolved")),
				l(n.get("referred")), l(n.get("open")), null, l(n.get("safety")), l(e.get("events")),
				l(e.get("attendance")), (BigDecimal) x.get("gifts"));
	}

	private static long l(Object value) {
		return ((Number) value).longValue();
	}

}
