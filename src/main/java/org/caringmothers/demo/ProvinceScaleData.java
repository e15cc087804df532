package org.caringmothers.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.privacy.Masking;
import org.caringmothers.common.privacy.ProtectedColumn;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.caringmothers.visit.VisitSummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A province's worth of programme records for benchmarks: children and caring mothers in
 * the townships of the whole federation tree (spread unevenly, as real counties are),
 * pairings with their history, three years of contacts, gifts, needs, events and training
 * credits. Everything goes in through the schema's own constraints and triggers (one
 * active pairing per child, the mother's capacity, the enum checks) with set-based SQL;
 * only the identity numbers are made in Java, valid and unique, and encrypted with the
 * application's cipher so that every generated record opens like a real one. Contacts are
 * recorded by one disabled staff account per county ({@code scale.<county code>}).
 * Additive: it never touches records that already exist.
 * <p>
 * The contacts and their gifts are the exception to "through the triggers" when the
 * database user may do so (a superuser, as on the embedded database): they are
 * bulk-loaded with the per-row summary triggers off and the visit module's summaries are
 * then rebuilt from the records by its own rebuild, which gives the same rows
 * (SummaryConsistencyTests) in minutes instead of hours at {@code x10} (twenty million
 * contacts).
 */
@Component
@RequiredArgsConstructor
public class ProvinceScaleData {

	private static final Logger log = LoggerFactory.getLogger(ProvinceScaleData.class);

	/** How far back pairings and contacts reach, in days (about three years). */
	static final int HISTORY_DAYS = 1095;

	private static final String SURNAMES = "(array['王','李','张','刘','赵','杨','郭','高','武','贾','任','田','段','梁','孟',"
			+ "'秦','闫','薛','白','韩','乔','冯','郝','霍','吕','常','范','苏','程','宋'])";

	private static final String CHILD_NAMES = "(array['梓涵','子轩','欣怡','浩然','雨桐','宇航','诗琪','俊杰','佳怡','一诺','思远',"
			+ "'可馨','博文','若曦','天佑','雅静','晨阳','梦瑶','家豪','心悦'])";

	private static final String WOMEN_NAMES = "(array['秀英','桂英','玉兰','丽华','春梅','翠萍','慧芳','晓燕','红梅','金凤','彩霞',"
			+ "'淑珍','美玲','海燕','丽娟','雪梅','建芳','秋霞','艳红','志华'])";

	private final JdbcTemplate jdbc;

	private final SensitiveDataCipher cipher;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final VisitSummaries visitSummaries;

	/**
	 * Adds the given numbers of children, caring mothers (plus a fifth as many reserve
	 * volunteers) and contacts, with pairings, gifts, needs, events and training credits
	 * to match, in one transaction; then vacuums and analyses the database, as autovacuum
	 * would soon after, so that queries meet the steady state of a live database
	 * (visibility map set, statistics fresh). Must be called outside a transaction, since
	 * VACUUM cannot run inside one.
	 * @return what was added and how long it took
	 */
	public Report generate(int children, int mothers, int contacts) {
		long started = System.nanoTime();
		Report added = this.transactions.execute(status -> add(children, mothers, contacts, started));
		this.jdbc.execute("vacuum analyze");
		Report report = added.took((System.nanoTime() - started) / 1_000_000);
		lap("vacuum analyze", started + added.millis() * 1_000_000);
		log.info("Province-scale data added: {}", report);
		return report;
	}

	private Report add(int children, int mothers, int contacts, long started) {
		LocalDate today = LocalDate.now(this.clock);
		NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(this.jdbc);
		Map<String, Object> at = Map.of("today", Date.valueOf(today), "since",
				Date.valueOf(today.minusDays(HISTORY_DAYS)), "v0", max("volunteer"), "c0", max("child"), "p0",
				max("pairing"), "x0", max("visit"), "e0", max("event"), "n0", max("need"), "contacts", contacts,
				"needs", Math.max(1, children / 10));
		this.jdbc.queryForObject("select setseed(0.1409)", Object.class);
		this.jdbc.execute("set local work_mem = '64MB'");
		staffAndTownships();
		List<long[]> townships = this.jdbc.query("select id, county_code from scale_township order by id",
				(row, i) -> new long[] { row.getLong(1), row.getLong(2) });
		Random random = new Random(140000);
		double[] childWeights = weights(townships, random);
		long lap = lap("townships and staff accounts", started);
		insertChildren(townships, childWeights, children, today, random);
		lap = lap("children", lap);
		insertVolunteers(townships, childWeights, mothers, today, random);
		lap = lap("volunteers", lap);
		sql.update("""
				insert into child_category (child_id, category)
				select id, case parents_situation when 'DECEASED' then 'ORPHAN' when 'OTHER' then 'DE_FACTO_UNSUPPORTED'
				  else 'LEFT_BEHIND' end from child where id > :c0
				union all select id, 'POVERTY' from child where id > :c0 and random() < 0.18
				union all select id, 'DISABILITY' from child where id > :c0 and random() < 0.05
				union all select id, 'SERIOUS_ILLNESS' from child where id > :c0 and random() < 0.03
				union all select id, 'GUARDIANSHIP_RISK' from child where id > :c0 and random() < 0.04""", at);
		sql.update("""
				insert into child_guardian (child_id, position, name, relation, phone)
				select id, 0, left(name, 1) || case when random() < 0.5 then '奶奶' else '爷爷' end, 'GRANDPARENT',
				  '13' || (5 + floor(random() * 5))::int || lpad(floor(random() * 100000000)::bigint::text, 8, '0')
				from child where id > :c0""", at);
		lap = lap("categories and guardians", lap);
		// the pairing rules' trigger counts the mother's active pairings: a plan cached
		// while
		// the table was small scans it whole for every row (hours at x10); plan each time
		this.jdbc.execute("set local plan_cache_mode = force_custom_plan");
		pairings(sql, at);
		this.jdbc.execute("set local plan_cache_mode = auto");
		lap = lap("pairings", lap);
		visits(sql, at);
		lap = lap("contacts and gifts", lap);
		needs(sql, at);
		events(sql, at);
		lap("needs and events", lap);
		return new Report(count("child where id > ?", at.get("c0")),
				count("volunteer where role = 'MOTHER' and id > ?", at.get("v0")),
				count("volunteer where role = 'RESERVE' and id > ?", at.get("v0")),
				count("pairing where end_date is null and id > ?", at.get("p0")),
				count("pairing where end_date is not null and id > ?", at.get("p0")),
				count("visit where id > ?", at.get("x0")),
				count("visit_gift g join visit x on x.id = g.visit_id where x.id > ?", at.get("x0")),
				count("need where id > ?", at.get("n0")), count("event where id > ?", at.get("e0")),
				count("volunteer_training t join event e on e.id = t.event_id where e.id > ?", at.get("e0")),
				(System.nanoTime() - started) / 1_000_000);
	}

	private static long lap(String what, long since) {
		long now = System.nanoTime();
		log.info("Province-scale data: {} in {} ms", what, (now - since) / 1_000_000);
		return now;
	}

	/**
	 * One disabled staff account per county to record the contacts, and the townships the
	 * records go to, each with its county, that staff account and its mothers' capacity
	 * (the nearest one set above it, as the pairing trigger finds it).
	 */
	private void staffAndTownships() {
		String hash = this.passwordEncoder.encode(UUID.randomUUID().toString());
		this.jdbc.update("""
				insert into app_user (username, display_name, password_hash, role, federation_id, enabled)
				select 'scale.' || code, left(name || '工作人员', 40), ?, 'STAFF', id, false
				from federation where level = 'COUNTY'
				on conflict (username) do nothing""", hash);
		this.jdbc.execute("""
				create temp table scale_township on commit drop as
				select t.id, t.path, c.id as county_id, c.code::bigint as county_code, u.id as staff_id,
				  coalesce((select a.mother_capacity from federation a
				            where t.path like a.path || '%' and a.mother_capacity is not null
				            order by length(a.path) desc limit 1), 3) as capacity
				from federation t join federation c on c.id = t.parent_id and c.level = 'COUNTY'
				join app_user u on u.username = 'scale.' || c.code
				where t.level = 'TOWNSHIP'""");
		this.jdbc.execute("alter table scale_township add primary key (id)");
	}

	/**
	 * Uneven weights: some counties register many more children than others, and within a
	 * county some townships more than others.
	 */
	private static double[] weights(List<long[]> townships, Random random) {
		Map<Long, Double> counties = new java.util.HashMap<>();
		double[] weights = new double[townships.size()];
		for (int i = 0; i < weights.length; i++) {
			double county = counties.computeIfAbsent(townships.get(i)[1], c -> Math.exp(random.nextGaussian() * 0.6));
			weights[i] = county * Math.exp(random.nextGaussian() * 0.8);
		}
		return weights;
	}

	/**
	 * How many of the total each township gets: cumulative shares, floored, summing up.
	 */
	private static int[] allocate(double[] weights, int total) {
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		int[] counts = new int[weights.length];
		double cumulative = 0;
		long before = 0;
		for (int i = 0; i < weights.length; i++) {
			cumulative += weights[i];
			long upTo = (i == weights.length - 1) ? total : (long) Math.floor(total * cumulative / sum);
			counts[i] = (int) (upTo - before);
			before = upTo;
		}
		return counts;
	}

	private void insertChildren(List<long[]> townships, double[] weights, int total, LocalDate today, Random random) {
		int[] counts = allocate(weights, total);
		Set<String> used = existing("child");
		Person[] people = new Person[total];
		int n = 0;
		for (int t = 0; t < counts.length; t++) {
			for (int i = 0; i < counts[t]; i++) {
				LocalDate birth = today.minusYears(3 + random.nextInt(15)).minusDays(random.nextInt(365));
				boolean male = random.nextBoolean();
				boolean hasId = birth.isBefore(today.minusYears(6)) ? random.nextInt(20) > 0 : random.nextInt(3) == 0;
				people[n++] = new Person(townships.get(t)[0], "CHILD", "ACTIVE", male, birth,
						hasId ? idNumber(townships.get(t)[1], birth, male, 10, 40, used, random) : null);
			}
		}
		insert("""
				insert into child (federation_id, name, gender, birth_date, id_number_cipher, id_number_index,
				  id_number_masked, parents_situation, parents_work_place, school, grade, address, risk_level,
				  consent_date, consent_by, consent_scope, created_by, created_at)
				select r.federation_id, %s[1 + floor(random() * 30)::int] || %s[1 + floor(random() * 20)::int],
				  r.gender, r.birth_date::date, r.cipher, r.blind_index, r.masked, r.situation,
				  case when r.situation in ('BOTH_AWAY', 'ONE_AWAY')
				    then (array['太原','北京','天津','石家庄','西安','郑州','鄂尔多斯','上海'])[1 + floor(random() * 8)::int] end,
				  case when r.birth_date::date < current_date - 2190 then f.name || '中心小学' end,
				  null, f.name || (1 + floor(random() * 12))::int || '组',
				  case when random() < 0.1 then 'HIGH' when random() < 0.3 then 'MEDIUM' else 'LOW' end,
				  current_date - (30 + floor(random() * 900))::int, '监护人', '结对关爱、走访和信息登记', t.staff_id,
				  now() - (random() * interval '1000 days')
				from (select u.*, case when random() < 0.55 then 'BOTH_AWAY' when random() < 0.5 then 'ONE_AWAY'
				        when random() < 0.5 then 'DECEASED' else 'OTHER' end as situation
				      from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				        as u(federation_id, gender, birth_date, cipher, blind_index, masked) offset 0) r
				join scale_township t on t.id = r.federation_id join federation f on f.id = r.federation_id
				""".formatted(SURNAMES, CHILD_NAMES), people, false);
	}

	private void insertVolunteers(List<long[]> townships, double[] childWeights, int mothers, LocalDate today,
			Random random) {
		double[] weights = new double[childWeights.length];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = childWeights[i] * Math.exp(random.nextGaussian() * 0.35);
		}
		int reserves = mothers / 5;
		int[] motherCounts = allocate(weights, mothers);
		int[] reserveCounts = allocate(weights, reserves);
		Set<String> used = existing("volunteer");
		Person[] people = new Person[mothers + reserves];
		int n = 0;
		for (int t = 0; t < weights.length; t++) {
			for (int i = 0; i < motherCounts[t] + reserveCounts[t]; i++) {
				boolean mother = i < motherCounts[t];
				boolean male = !mother && random.nextInt(5) == 0;
				LocalDate birth = LocalDate.of(1962 + random.nextInt(40), 1 + random.nextInt(12),
						1 + random.nextInt(28));
				people[n++] = new Person(townships.get(t)[0], mother ? "MOTHER" : "RESERVE",
						mother ? motherStatus(random) : reserveStatus(random), male, birth,
						idNumber(townships.get(t)[1], birth, male, 0, 100, used, random));
			}
		}
		insert("""
				insert into volunteer (federation_id, role, name, gender, birth_date, phone, id_number_cipher,
				  id_number_index, id_number_masked, occupation, status, interview_done, references_checked,
				  no_criminal_record, oath_date, status_reason, created_by, created_at)
				select r.federation_id, r.role, %s[1 + floor(random() * 30)::int] || %s[1 + floor(random() * 20)::int],
				  r.gender, r.birth_date::date,
				  '1' || (3 + floor(random() * 7))::int || lpad(floor(random() * 1000000000)::bigint::text, 9, '0'),
				  r.cipher, r.blind_index, r.masked,
				  (array['教师','村干部','个体经营','务农','医生','护士','退休教师','社区工作者'])[1 + floor(random() * 8)::int],
				  r.status, r.status <> 'APPLIED', r.status <> 'APPLIED', r.status <> 'APPLIED',
				  case when r.status in ('ACTIVE', 'SUSPENDED') then ?::date - (%d + floor(random() * 365))::int end,
				  case r.status when 'SUSPENDED' then '外出务工，暂停服务' when 'WITHDRAWN' then '本人申请退出' end,
				  t.staff_id, now() - interval '%d days' - (random() * interval '400 days')
				from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				  as r(federation_id, gender, birth_date, cipher, blind_index, masked, role, status)
				join scale_township t on t.id = r.federation_id
				""".formatted(SURNAMES, WOMEN_NAMES, HISTORY_DAYS, HISTORY_DAYS + 30), people, true,
				Date.valueOf(today));
	}

	/**
	 * Pairings inside each township: ended ones first (a withdrawn mother's, a moved or
	 * aged-out child's, some that simply ended), then one active pairing for most active
	 * children, each mother up to her capacity; then the statuses those endings imply.
	 */
	private void pairings(NamedParameterJdbcTemplate sql, Map<String, Object> at) {
		sql.update(
				"""
						create temp table scale_child on commit drop as
						select c.id, c.federation_id, c.final_status,
						  c.final_status = 'ACTIVE' and random() < 0.9 as wants_pairing,
						  case when c.final_status <> 'ACTIVE' then random() < 0.7 else random() < 0.15 end as had_pairing,
						  row_number() over (partition by c.federation_id order by random()) - 1 as k
						from (select id, federation_id, case when random() < 0.03 then 'MOVED' when random() < 0.02 then 'AGED_OUT'
						        else 'ACTIVE' end as final_status
						      from child where id > :c0 offset 0) c""",
				at);
		sql.update("""
				create temp table scale_mother on commit drop as
				select v.id, v.federation_id, v.withdrawing,
				  row_number() over (partition by v.federation_id, v.withdrawing order by random()) - 1 as j,
				  count(*) over (partition by v.federation_id, v.withdrawing) as m
				from (select id, federation_id, random() < 0.06 as withdrawing from volunteer
				      where id > :v0 and role = 'MOTHER' and status = 'ACTIVE' offset 0) v""", at);
		this.jdbc.execute("create index on scale_mother (federation_id, withdrawing, j)");
		this.jdbc.execute("analyze scale_child");
		this.jdbc.execute("analyze scale_mother");
		// ended pairings: with a withdrawing mother where the township has one, else with
		// an
		// active mother (ended pairings do not count towards her capacity)
		sql.update(
				"""
						insert into pairing (volunteer_id, child_id, start_date, end_date, end_reason, end_note, created_by,
						  ended_by, created_at, federation_id)
						select m.id, c.id, c.start_date, least(c.start_date + 60 + floor(random() * 300)::int, :today::date - 20),
						  case when c.final_status = 'MOVED' then 'CHILD_MOVED' when c.final_status = 'AGED_OUT' then 'CHILD_AGED_OUT'
						    when m.withdrawing then 'MOTHER_WITHDREW' when random() < 0.5 then 'PARENTS_RETURNED' else 'OTHER' end,
						  null, t.staff_id, t.staff_id, c.start_date + time '10:00', c.federation_id
						from (select s.*, :since::date + floor(random() * 500)::int as start_date from scale_child s
						      where s.had_pairing offset 0) c
						join scale_township t on t.id = c.federation_id
						cross join lateral (select coalesce(
						    (select w.id from scale_mother w where w.federation_id = c.federation_id and w.withdrawing
						      and w.j = c.k % w.m),
						    (select a.id from scale_mother a where a.federation_id = c.federation_id and not a.withdrawing
						      and a.j = (c.k + 1) % a.m)) as id) pick
						join scale_mother m on m.id = pick.id
						order by c.id""",
				at);
		// active pairings: child k of a township with mother k mod m, up to the capacity
		sql.update(
				"""
						insert into pairing (volunteer_id, child_id, start_date, created_by, created_at, federation_id)
						select m.id, c.id, s.start_date, t.staff_id, s.start_date + time '10:00', c.federation_id
						from scale_child c join scale_township t on t.id = c.federation_id
						join scale_mother m on m.federation_id = c.federation_id and not m.withdrawing and m.j = c.k % m.m
						cross join lateral (select least(coalesce((select max(e.end_date) from pairing e where e.child_id = c.id
						      and e.id > :p0) + 1 + floor(random() * 30)::int,
						    :today::date - 7 - floor(random() * (:today::date - :since::date - 7))::int), :today::date - 1) as start_date) s
						where c.wants_pairing and c.k < m.m * t.capacity
						order by c.id""",
				at);
		sql.update("""
				update volunteer v set status = 'WITHDRAWN', status_reason = '本人申请退出：家中事务繁忙'
				from scale_mother m where m.id = v.id and m.withdrawing""", at);
		sql.update("""
				update child c set status = s.final_status, status_changed_at = now() - interval '20 days',
				  status_reason = case s.final_status when 'MOVED' then '随父母外出就读' end
				from scale_child s where s.id = c.id and s.final_status <> 'ACTIVE'""", at);
	}

	/**
	 * The contacts, shared out over the pairings by how long each has run, evenly spread
	 * over each pairing's days; about one pairing in ten went quiet one to four months
	 * ago. Gifts on about a third of the home visits.
	 */
	private void visits(NamedParameterJdbcTemplate sql, Map<String, Object> at) {
		boolean bulk = Boolean.TRUE.equals(
				this.jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class));
		if (bulk) {
			// per-row summary triggers off for the bulk load (superuser only), rebuilt
			// below
			this.jdbc.execute("set local session_replication_role = replica");
		}
		sql.update(
				"""
						create temp table scale_span on commit drop as
						select p.id as pairing_id, t.staff_id, p.start_date + 1 as first_day, l.last_day,
						  greatest(l.last_day - p.start_date, 0) as days
						from pairing p join child c on c.id = p.child_id join scale_township t on t.id = c.federation_id
						cross join lateral (select least(coalesce(p.end_date, :today::date), case when p.end_date is null
						    and p.start_date < :today::date - 150 and random() < 0.1 then :today::date - 31 - floor(random() * 90)::int
						    else :today::date end) as last_day) l
						where p.id > :p0""",
				at);
		sql.update(
				"""
						create temp table scale_share on commit drop as
						select s.*, (floor(:contacts * sum(s.days) over (order by s.pairing_id) / sum(s.days) over ())
						  - floor(:contacts * (sum(s.days) over (order by s.pairing_id) - s.days) / sum(s.days) over ()))::int as n
						from scale_span s where s.days > 0""",
				at);
		sql.update(
				"""
						insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, notes, recorded_by,
						  client_token, created_at, reviewed_at, reviewed_by, federation_id)
						select x.pairing_id, x.day,
						  case when x.r < 0.3 then 'HOME_VISIT' when x.r < 0.75 then 'PHONE' when x.r < 0.9 then 'VIDEO'
						    when x.r < 0.96 then 'SCHOOL' else 'OUTING' end,
						  case when x.r < 0.3 then 60 + floor(random() * 60)::int else 10 + floor(random() * 30)::int end,
						  case when x.r2 < 0.9 then 'GOOD' when x.r2 < 0.98 then 'NEEDS_ATTENTION' else 'WORRYING' end,
						  case when x.r < 0.3 then '入户看望，和孩子聊学习和生活。' else '问候近况。' end,
						  x.staff_id, 'scale-' || lpad(x.pairing_id::text, 12, '0') || '-' || lpad(x.g::text, 6, '0'), x.day + time '19:00',
						  case when x.day < :today::date - 14 then x.day + time '19:00' + interval '3 days' end,
						  case when x.day < :today::date - 14 then x.staff_id end, y.federation_id
						from (select s.pairing_id, s.staff_id, g, random() as r, random() as r2,
						        s.first_day + least(s.days - 1, floor((g - random()) * s.days / s.n)::int) as day
						      from scale_share s cross join generate_series(1, s.n) g offset 0) x
						join pairing y on y.id = x.pairing_id""",
				at);
		sql.update("""
				insert into visit_gift (visit_id, position, item, value_yuan)
				select id, 0, (array['书包','文具','课外书','冬衣','牛奶','水果','运动鞋'])[1 + floor(random() * 7)::int],
				  20 + floor(random() * 180)
				from visit where id > :x0 and mode = 'HOME_VISIT' and random() < 0.33""", at);
		if (bulk) {
			this.jdbc.execute("set local session_replication_role = origin");
			long rebuilt = this.visitSummaries.rebuild();
			log.info("Province-scale data: contacts bulk-loaded, {} visit summary rows rebuilt", rebuilt);
		}
	}

	/**
	 * About one need for every ten children, raised on active pairings over the last two
	 * years: older ones mostly resolved or referred, recent ones often still open, safety
	 * concerns flagged for the mandatory report and most of them reported.
	 */
	private void needs(NamedParameterJdbcTemplate sql, Map<String, Object> at) {
		sql.update(
				"""
						insert into need (child_id, federation_id, category, urgency, description, status, referred_to,
						  mandatory_report, report_action, report_recorded_by, report_recorded_at, raised_by, raised_at, closed_at)
						select x.child_id, x.federation_id, x.category, case when x.r2 < 0.2 then 'HIGH' when x.r2 < 0.6 then 'MEDIUM' else 'LOW' end,
						  case x.category when 'SAFETY' then '孩子反映放学路上常被高年级学生拦截索要钱物' when 'STUDY' then '数学成绩下滑，需要课业辅导'
						    when 'PSYCHOLOGICAL' then '父母离家后情绪低落，不爱说话' when 'LIVING' then '冬季缺少棉衣棉被'
						    when 'HEALTH' then '视力下降，需要配眼镜' else '爷爷生病住院，无人照看' end,
						  x.status, case when x.status = 'REFERRED' then case x.category when 'HEALTH' then 'HEALTH'
						    when 'SAFETY' then 'POLICE' when 'STUDY' then 'EDUCATION' else 'CIVIL_AFFAIRS' end end,
						  x.category = 'SAFETY', case when x.category = 'SAFETY' and x.r3 < 0.85 then '已向公安机关报告' end,
						  case when x.category = 'SAFETY' and x.r3 < 0.85 then x.staff_id end,
						  case when x.category = 'SAFETY' and x.r3 < 0.85 then x.raised_at + interval '1 day' end,
						  x.staff_id, x.raised_at,
						  case when x.status in ('RESOLVED', 'REFERRED')
						    then least(x.raised_at + (1 + random() * 45) * interval '1 day', now()) end
						from (select p.child_id, c.federation_id, t.staff_id, r.raised_at, random() as r2, random() as r3,
						        (array['STUDY','PSYCHOLOGICAL','LIVING','HEALTH','FAMILY','STUDY','LIVING','SAFETY'])[
						          1 + floor(random() * 8)::int] as category,
						        case when r.raised_at > now() - interval '30 days'
						          then case when r.s < 0.45 then 'OPEN' when r.s < 0.65 then 'IN_PROGRESS'
						            when r.s < 0.9 then 'RESOLVED' else 'REFERRED' end
						          else case when r.s < 0.04 then 'OPEN' when r.s < 0.08 then 'IN_PROGRESS'
						            when r.s < 0.75 then 'RESOLVED' else 'REFERRED' end end as status
						      from pairing p join child c on c.id = p.child_id join scale_township t on t.id = c.federation_id
						      cross join lateral (select greatest(p.start_date, :today::date - 730) + time '10:00'
						          + random() * (:today::date - greatest(p.start_date, :today::date - 730)) * interval '1 day' as raised_at,
						        random() as s) r
						      where p.id > :p0 and p.end_date is null
						        and random() < :needs::float8 / (select count(*) from pairing where id > :p0 and end_date is null)
						      offset 0) x""",
				at);
		sql.update(
				"""
						insert into need_step (need_id, from_status, to_status, by_user, by_name, at)
						select n.id, null, 'OPEN', n.raised_by, u.display_name, n.raised_at
						from need n join app_user u on u.id = n.raised_by where n.id > :n0
						union all
						select n.id, 'OPEN', n.status, n.raised_by, u.display_name, coalesce(n.closed_at, n.raised_at + interval '1 day')
						from need n join app_user u on u.id = n.raised_by where n.id > :n0 and n.status <> 'OPEN'""",
				at);
	}

	/**
	 * Every county: a training every two months (mothers attend and are credited with its
	 * hours) and a progress meeting every quarter; every township: a lecture, a
	 * children's activity or a recruitment drive now and then.
	 */
	private void events(NamedParameterJdbcTemplate sql, Map<String, Object> at) {
		sql.update(
				"""
						insert into event (federation_id, type, title, event_date, place, attendance_count, hours, trainer,
						  created_by, created_at)
						select e.federation_id, e.type, f.name || case e.type when 'TRAINING' then '爱心妈妈培训（第' || e.g || '期）'
						    when 'PROGRESS_MEETING' then '爱心妈妈结对关爱推进会' when 'LECTURE' then '家庭教育公益讲座'
						    when 'RECRUITMENT' then '爱心妈妈招募活动' else '爱心妈妈陪伴日' end,
						  e.day, f.name || case when e.type in ('TRAINING', 'PROGRESS_MEETING') then '妇联会议室' else '文化活动中心' end,
						  case when e.type = 'TRAINING' then 0 else 20 + floor(random() * 60)::int end,
						  case when e.type = 'TRAINING' then 1 + (2 + floor(random() * 5)) / 2 end,
						  case when e.type = 'TRAINING' then (array['白老师','郝老师','温老师','乔老师'])[1 + floor(random() * 4)::int] end,
						  e.staff_id, e.day + time '18:00'
						from (select c.county_id as federation_id, 'TRAINING' as type, g, c.staff_id,
						        :since::date + g * 61 + floor(random() * 20)::int as day
						      from (select distinct county_id, staff_id from scale_township) c cross join generate_series(0, 17) g
						      union all
						      select c.county_id, 'PROGRESS_MEETING', g, c.staff_id, :since::date + g * 91 + 40 + floor(random() * 20)::int
						      from (select distinct county_id, staff_id from scale_township) c cross join generate_series(0, 11) g
						      union all
						      select t.id, (array['LECTURE','CHILDREN_ACTIVITY','RECRUITMENT'])[g], g, t.staff_id,
						        :today::date - floor(random() * :since_days)::int
						      from scale_township t cross join generate_series(1, 3) g
						      offset 0) e
						join federation f on f.id = e.federation_id
						where e.day <= :today::date
						order by e.day""",
				withSinceDays(at));
		sql.update("""
				insert into event_attendee (event_id, volunteer_id, added_by, added_at)
				select e.id, v.id, e.created_by, e.event_date + time '17:00'
				from event e join scale_township t on t.county_id = e.federation_id
				join volunteer v on v.federation_id = t.id
				where e.id > :e0 and e.type = 'TRAINING' and v.id > :v0 and v.role = 'MOTHER'
				  and v.status in ('TRAINED', 'ACTIVE', 'SUSPENDED', 'WITHDRAWN') and random() < 0.3""", at);
		sql.update("""
				insert into volunteer_training (volunteer_id, training_date, topic, hours, trainer, recorded_by,
				  recorded_at, event_id)
				select a.volunteer_id, e.event_date, e.title, e.hours, e.trainer, e.created_by, a.added_at, e.id
				from event_attendee a join event e on e.id = a.event_id where e.id > :e0""", at);
		sql.update("""
				update event e set attendance_count = a.n + 3
				from (select event_id, count(*) as n from event_attendee where event_id > :e0 group by event_id) a
				where a.event_id = e.id""", at);
	}

	private static Map<String, Object> withSinceDays(Map<String, Object> at) {
		Map<String, Object> copy = new java.util.HashMap<>(at);
		copy.put("since_days", HISTORY_DAYS);
		return copy;
	}

	/**
	 * Inserts people through {@code unnest} of column arrays: federation, gender, birth
	 * date and the encrypted identity number (and for volunteers role and status).
	 */
	private void insert(String statement, Person[] people, boolean volunteers, Object... leading) {
		int columns = volunteers ? 8 : 6;
		String[][] values = new String[columns - 1][people.length];
		Long[] federations = new Long[people.length];
		for (int i = 0; i < people.length; i++) {
			Person p = people[i];
			federations[i] = p.federationId();
			values[0][i] = p.male() ? "MALE" : "FEMALE";
			values[1][i] = p.birthDate().toString();
			values[2][i] = this.cipher.encrypt(
					volunteers ? ProtectedColumn.VOLUNTEER_ID_NUMBER : ProtectedColumn.CHILD_ID_NUMBER, p.idNumber());
			values[3][i] = this.cipher.blindIndex(p.idNumber());
			values[4][i] = p.idNumber() == null ? null : Masking.idNumber(p.idNumber());
			if (volunteers) {
				values[5][i] = p.role();
				values[6][i] = p.status();
			}
		}
		this.jdbc.execute((ConnectionCallback<Integer>) connection -> {
			try (PreparedStatement statementWithArrays = connection.prepareStatement(statement)) {
				int index = 1;
				for (Object value : leading) {
					statementWithArrays.setObject(index++, value);
				}
				statementWithArrays.setArray(index++, connection.createArrayOf("bigint", federations));
				for (String[] column : values) {
					statementWithArrays.setArray(index++, array(connection, column));
				}
				return statementWithArrays.executeUpdate();
			}
		});
	}

	private static Array array(Connection connection, String[] values) throws SQLException {
		return connection.createArrayOf("text", values);
	}

	/**
	 * A valid identity number of the county, birth date and gender, with an order code
	 * from the given range, used by nobody else yet (by its keyed hash for records that
	 * already exist).
	 */
	private String idNumber(long countyCode, LocalDate birth, boolean male, int firstOrder, int orders,
			Set<String> used, Random random) {
		String prefix = countyCode
				+ String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
		while (true) {
			int order = firstOrder + random.nextInt(orders);
			int gender = male ? 2 * random.nextInt(5) + 1 : 2 * random.nextInt(5);
			String candidate = IdNumbers.withCheckCharacter(prefix + String.format("%02d", order) + gender);
			if (used.add(candidate) && used.add(this.cipher.blindIndex(candidate))) {
				return candidate;
			}
		}
	}

	private Set<String> existing(String table) {
		return new HashSet<>(this.jdbc
			.queryForList("select id_number_index from " + table + " where id_number_index is not null", String.class));
	}

	private static String motherStatus(Random random) {
		return Shares.pick(random.nextInt(100), new int[] { 84, 88, 92, 96 }, "ACTIVE", "APPLIED", "SCREENED",
				"TRAINED", "SUSPENDED");
	}

	private static String reserveStatus(Random random) {
		return Shares.reserveStatus(random.nextInt(100));
	}

	private long max(String table) {
		Long max = this.jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
		return max == null ? 0 : max;
	}

	private long count(String from, Object argument) {
		Long count = this.jdbc.queryForObject("select count(*) from " + from, Long.class, argument);
		return count == null ? 0 : count;
	}

	/** One generated child or volunteer, before it is written. */
	private record Person(long federationId, String role, String status, boolean male, LocalDate birthDate,
			String idNumber) {
	}

	/**
	 * What {@link #generate} added.
	 *
	 * @param children children
	 * @param mothers caring mothers (all statuses)
	 * @param reserves reserve volunteers
	 * @param activePairings pairings still running
	 * @param endedPairings pairings that ended
	 * @param contacts contacts (visits)
	 * @param gifts gifts handed over on contacts
	 * @param needs needs raised
	 * @param events events held
	 * @param trainingCredits training records credited by the generated trainings
	 * @param millis how long it took
	 */
	public record Report(long children, long mothers, long reserves, long activePairings, long endedPairings,
			long contacts, long gifts, long needs, long events, long trainingCredits, long millis) {

		Report took(long total) {
			return new Report(this.children, this.mothers, this.reserves, this.activePairings, this.endedPairings,
					this.contacts, this.gifts, this.needs, this.events, this.trainingCredits, total);
		}
	}

}
