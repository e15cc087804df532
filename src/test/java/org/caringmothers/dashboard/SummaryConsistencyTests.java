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
 * and contacts of a month already closed edited; children's status and categories
 * changed, children added and deleted, volunteers' status, role and federation changed,
 * pairings started, contacts recorded today and care cadences changed (the state figures:
 * children, volunteers, pairings, coverage and care gaps); checked for random federations
 * and periods (whole months, partial months, single days). The rebuild then finds nothing
 * to correct, and finds a summary row that was tampered with.
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
	org.caringmothers.federation.TargetService targets;

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
		// safety concerns acted on
		this.jdbc
			.update("""
					update need set report_action = 'test', report_recorded_at = now()
					where id in (select id from need where mandatory_report and report_action is null order by md5(id::text) limit 3)""");
		// children placed in a township of another county
		this.jdbc.update("""
				update child c set federation_id = (select f.id from federation f where f.level = 'TOWNSHIP'
				    and f.id <> c.federation_id order by md5(f.id::text || c.id::text) limit 1)
				where id in (select id from child order by md5(id::text) limit 25)""");
		// their needs with them, as the need module moves them on ChildFederationChanged
		this.jdbc.update("""
				update need n set federation_id = c.federation_id, version = n.version + 1
				from child c where c.id = n.child_id and n.federation_id <> c.federation_id""");
		// and their pairings and contacts with them, as the pairing and visit modules do
		// on ChildFederationChanged
		this.jdbc.update("""
				update pairing y set federation_id = c.federation_id from child c
				where c.id = y.child_id and y.federation_id <> c.federation_id""");
		this.jdbc.update("""
				update visit v set federation_id = y.federation_id from pairing y
				where y.id = v.pairing_id and v.federation_id <> y.federation_id""");
		// pairings ended
		this.jdbc
			.update("""
					update pairing set end_date = greatest(start_date, current_date - 3), end_reason = 'OTHER', end_note = 'test'
					where id in (select id from pairing where end_date is null order by md5(id::text) limit 30)""");
		// children: status changes (moved away, back), categories added and removed, a
		// child added with a category and deleted again
		this.jdbc.update("""
				update child set status = 'MOVED', status_reason = 'test', status_changed_at = now()
				where id in (select id from child c where status = 'ACTIVE' and not exists (select 1 from pairing y
				  where y.child_id = c.id and y.end_date is null) order by md5(id::text || 's') limit 20)""");
		this.jdbc.update("""
				update child set status = 'ACTIVE', status_reason = null
				where id in (select id from child where status = 'MOVED' order by md5(id::text || 'b') limit 5)""");
		this.jdbc.update("""
				insert into child_category (child_id, category)
				select id, 'POVERTY' from child c where not exists (select 1 from child_category x
				  where x.child_id = c.id and x.category = 'POVERTY') order by md5(id::text || 'c') limit 30""");
		this.jdbc.update("""
				delete from child_category where (child_id, category) in
				  (select child_id, category from child_category order by md5(child_id::text || category) limit 30)""");
		this.jdbc.update("""
				update child_category set category = 'ORPHAN' where (child_id, category) in (select child_id, category
				  from child_category x where category = 'LEFT_BEHIND' and not exists (select 1 from child_category y
				    where y.child_id = x.child_id and y.category = 'ORPHAN') order by md5(child_id::text) limit 10)""");
		Long added = this.jdbc.queryForObject("""
				insert into child (federation_id, name, gender, birth_date, parents_situation, risk_level)
				select federation_id, 'test', 'FEMALE', date '2018-03-01', 'OTHER', 'LOW' from child order by id limit 1
				returning id""", Long.class);
		this.jdbc.update("insert into child_category (child_id, category) values (?, 'ORPHAN'), (?, 'DISABILITY')",
				added, added);
		this.jdbc
			.update("""
					insert into child (federation_id, name, gender, birth_date, parents_situation, risk_level)
					select federation_id, 'test 2', 'MALE', date '2017-05-01', 'OTHER', 'LOW' from child order by id desc limit 1""");
		this.jdbc.update("delete from child where id = ?", added);
		// volunteers: status changes, a reserve become a mother, one moved to another
		// federation
		this.jdbc
			.update("""
					update volunteer set status = 'SUSPENDED', status_reason = 'test'
					where id in (select id from volunteer where status = 'ACTIVE' order by md5(id::text || 'v') limit 15)""");
		this.jdbc
			.update("""
					update volunteer set status = 'WITHDRAWN', status_reason = 'test'
					where id in (select id from volunteer where status = 'APPLIED' order by md5(id::text || 'w') limit 5)""");
		this.jdbc
			.update("""
					update volunteer set role = 'MOTHER'
					where id in (select id from volunteer v where role = 'RESERVE' and not exists (select 1 from volunteer_backing b
					  where b.reserve_id = v.id) order by md5(id::text || 'r') limit 3)""");
		this.jdbc.update("""
				update volunteer v set federation_id = (select f.id from federation f where f.level = 'TOWNSHIP'
				    and f.id <> v.federation_id order by md5(f.id::text || v.id::text) limit 1)
				where id in (select id from volunteer order by md5(id::text || 'm') limit 10)""");
		// pairings started for unpaired children (pairings are never deleted)
		List<Long> unpaired = this.jdbc.queryForList("""
				select id from child c where c.status = 'ACTIVE' and not exists (select 1 from pairing y
				  where y.child_id = c.id and y.end_date is null) order by md5(c.id::text || 'p') limit 12""",
				Long.class);
		for (Long child : unpaired) {
			this.jdbc.update("""
					insert into pairing (volunteer_id, child_id, start_date, federation_id)
					select v.id, c.id, current_date - (? % 200)::int, c.federation_id from volunteer v
					  join child c on c.id = ? where v.role = 'MOTHER' and v.status = 'ACTIVE'
					  and (select count(*) from pairing y where y.volunteer_id = v.id and y.end_date is null) < 3
					order by md5(v.id::text || ?) limit 1""", child, child, child.toString());
		}
		// contacts recorded today on quiet pairings
		this.jdbc
			.update("""
					insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, notes, recorded_by, client_token,
					  created_at, federation_id)
					select y.id, current_date, case when y.id % 2 = 0 then 'HOME_VISIT' else 'PHONE' end, 30, 'GOOD', 'test',
					  (select min(id) from app_user), 'consistency-' || y.id, now(), y.federation_id
					from pairing y where y.end_date is null order by md5(y.id::text || 'q') limit 20""");
		// care cadence: a county's own rule, another's rule set and removed
		this.jdbc.update("""
				update federation set contact_days = 14, home_visit_days = 60
				where id = (select id from federation where level = 'COUNTY' order by md5(id::text) limit 1)""");
		this.jdbc
			.update("""
					update federation set contact_days = 7
					where id = (select id from federation where level = 'COUNTY' order by md5(id::text) offset 1 limit 1)""");
		this.jdbc.update("update federation set contact_days = null where contact_days = 7");
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
				.ignoringFields("medianDaysToResolve")
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
		Map<String, Long> none = Map.of("visit", 0L, "need", 0L, "child", 0L, "volunteer", 0L, "pairing", 0L);
		assertThat(this.rebuild.rebuild()).isEqualTo(none);
		this.jdbc.update("update visit_day_summary set contacts = contacts + 1 where (federation_id, day) = "
				+ "(select federation_id, day from visit_day_summary order by day desc limit 1)");
		this.jdbc.update("delete from need_day_summary where (federation_id, day) = "
				+ "(select federation_id, day from need_day_summary order by day desc limit 1)");
		this.jdbc.update("update child_state_summary set children = children + 1 where (federation_id, status) = "
				+ "(select federation_id, status from child_state_summary order by 1, 2 limit 1)");
		this.jdbc.update("delete from volunteer_state_summary where (federation_id, role, status) = "
				+ "(select federation_id, role, status from volunteer_state_summary where volunteers > 0 order by 1, 2, 3 limit 1)");
		assertThat(this.rebuild.rebuild()).containsEntry("visit", 1L)
			.containsEntry("need", 1L)
			.containsEntry("child", 1L)
			.containsEntry("volunteer", 1L);
		assertThat(this.rebuild.rebuild()).isEqualTo(none);
		// the care state: a day row and a federation's total
		this.jdbc.update("update visit_care_day set due = due + 1 where (federation_id, day) = "
				+ "(select federation_id, day from visit_care_day order by 1, 2 limit 1)");
		this.jdbc.update("update visit_care_total set pairings = pairings - 1 where federation_id = "
				+ "(select min(federation_id) from visit_care_total)");
		this.jdbc.update("update need_open_summary set open = open + 1 where federation_id = "
				+ "(select min(federation_id) from need_open_summary)");
		assertThat(this.rebuild.rebuild()).containsEntry("visit", 2L).containsEntry("need", 1L);
		assertThat(this.rebuild.rebuild()).isEqualTo(none);
		// a pairing's due date (the contacts' rebuild refreshes it first, carrying the
		// wrong date into the day rows, which the care rebuild then finds)
		this.jdbc.update("update visit_pairing_care set due = due + 1 where pairing_id = "
				+ "(select min(pairing_id) from visit_pairing_care)");
		assertThat(this.rebuild.rebuild().get("visit")).isPositive();
		assertThat(this.rebuild.rebuild()).isEqualTo(none);
		// the yearly pairing figures: a federation's year and a mother's row
		this.jdbc.update("update pairing_year_total set mothers = mothers + 1 where (federation_id, year) = "
				+ "(select federation_id, year from pairing_year_total order by 1, 2 limit 1)");
		this.jdbc.update("delete from pairing_year_mother where (federation_id, year, volunteer_id) = "
				+ "(select federation_id, year, volunteer_id from pairing_year_mother where pairings > 0 order by 1, 2, 3 limit 1)");
		assertThat(this.rebuild.rebuild()).containsEntry("pairing", 2L);
		assertThat(this.rebuild.rebuild()).isEqualTo(none);
	}

	@Test
	void theYearlyPairingFiguresEqualThePairingsAtEveryFederation() {
		// every federation and every year of the action, counted from the pairings: a
		// pairing counts in a year it was active on any day of, in its child's federation
		// and every one above, and a mother once per federation however many children
		String live = """
				select a.id as federation_id, y.year, count(*) as pairings, count(distinct p.volunteer_id) as mothers
				from pairing_periods p join federation f on f.id = p.federation_id
				cross join lateral unnest(string_to_array(trim(both '/' from f.path), '/')::bigint[]) a (id)
				cross join unnest(?::int[]) y (year)
				where p.start_date <= make_date(y.year, 12, 31) and (p.end_date is null or p.end_date >= make_date(y.year, 1, 1))
				group by 1, 2""";
		Integer[] years = this.targets.years().toArray(Integer[]::new);
		assertThat(this.jdbc.queryForList(
				live + " except select federation_id, year, pairings, mothers from pairing_year_figures",
				(Object) years))
			.isEmpty();
		assertThat(this.jdbc.queryForList(
				"select federation_id, year, pairings, mothers from pairing_year_figures except " + live,
				(Object) years))
			.isEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pairing_year_figures where federation_id = "
						+ "(select id from federation where level = 'PROVINCE') and mothers > 0 and pairings > mothers",
				Long.class))
			.as("some mothers hold more than one pairing in a year")
			.isPositive();
	}

	@Test
	void theStateFiguresEqualTheRecordsAtEveryFederation() {
		// every federation's own rows, not only subtrees: the per-federation state
		assertThat(this.jdbc.queryForList("""
				select federation_id, status, count(*) from child group by 1, 2
				except select federation_id, status, children from child_state_summary where children <> 0"""))
			.isEmpty();
		assertThat(this.jdbc.queryForList("""
				select federation_id, status, children from child_state_summary where children <> 0
				except select federation_id, status, count(*) from child group by 1, 2""")).isEmpty();
		assertThat(this.jdbc.queryForList(
				"""
						select federation_id, role, status, count(*) from volunteer group by 1, 2, 3
						except select federation_id, role, status, volunteers from volunteer_state_summary where volunteers <> 0"""))
			.isEmpty();
		assertThat(this.jdbc.queryForList("""
				select federation_id, count(*) from visit_care_due group by 1
				except select federation_id, pairings from visit_care_totals""")).isEmpty();
		assertThat(this.jdbc.queryForList("""
				select federation_id, pairings from visit_care_totals
				except select federation_id, count(*) from visit_care_due group by 1""")).isEmpty();
		assertThat(this.jdbc.queryForList("""
				select n.federation_id, count(*) filter (where n.status in ('OPEN', 'IN_PROGRESS')),
				  count(*) filter (where n.mandatory_report and n.report_action is null)
				from need n
				where n.status in ('OPEN', 'IN_PROGRESS') or (n.mandatory_report and n.report_action is null) group by 1
				except select federation_id, open, safety_open from need_open_figures""")).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from visit_care_day where due = 0 and home_visited = 0",
				Long.class))
			.as("rows fallen to zero are deleted")
			.isZero();
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
						    and x.mode = 'HOME_VISIT' and x.visit_date > ?)) as home90,
						  count(*) filter (where least(
						    coalesce((select max(x.visit_date) from visit x where x.pairing_id = y.id), y.start_date) + f.care_contact_days,
						    coalesce((select max(x.visit_date) from visit x where x.pairing_id = y.id and x.mode = 'HOME_VISIT'),
						      y.start_date) + f.care_home_visit_days) < ?) as gaps
						from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
						where y.end_date is null and f.path like ?""",
				since90, Date.valueOf(LocalDate.now(this.clock)), p);
		Map<String, Object> n = this.jdbc.queryForMap("""
				select count(*) filter (where n.raised_at::date between ? and ?) as opened,
				  count(*) filter (where n.status = 'RESOLVED' and n.closed_at::date between ? and ?) as resolved,
				  count(*) filter (where n.status = 'REFERRED' and n.closed_at::date between ? and ?) as referred,
				  count(*) filter (where n.status in ('OPEN', 'IN_PROGRESS')) as open,
				  count(*) filter (where n.mandatory_report and n.report_action is null) as safety
				from need n join federation f on f.id = n.federation_id
				where f.path like ?""", from, to, from, to, from, to, p);
		Map<String, Object> e = this.jdbc.queryForMap("""
				select count(*) as events, coalesce(sum(e.attendance_count), 0) as attendance
				from event e join federation f on f.id = e.federation_id
				where f.path like ? and e.event_date between ? and ?""", p, from, to);
		return new Figures(l(c.get("active")), categories, l(c.get("paired")), l(v.get("mothers")),
				l(v.get("reserves")), l(v.get("applicants")), hours, l(x.get("contacts")), l(x.get("home")),
				l(y.get("active")), l(y.get("gaps")), l(y.get("home90")), l(n.get("opened")), l(n.get("resolved")),
				l(n.get("referred")), l(n.get("open")), null, l(n.get("safety")), l(e.get("events")),
				l(e.get("attendance")), (BigDecimal) x.get("gifts"));
	}

	private static long l(Object value) {
		return ((Number) value).longValue();
	}

}
