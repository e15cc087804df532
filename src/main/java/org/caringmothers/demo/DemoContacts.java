package org.caringmothers.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of the programme in 娄烦县 and 神池县: active mothers paired with children of their
 * township (at most three each), and their contact history — calls and visits every few
 * weeks, a home visit every two months or so, some pairings gone quiet and now overdue.
 * The demo mother 林秋菊 has three children: one overdue, one recently visited, one just
 * paired. Loaded once: nothing happens when any pairing exists.
 */
@Component
@RequiredArgsConstructor
class DemoContacts {

	private static final Logger log = LoggerFactory.getLogger(DemoContacts.class);

	private static final String[] CARE = { "GUIDANCE", "COUNSELLING", "COMFORT", "TUTORING", "LIVING_AID", "SAFETY",
			"HEALTH" };

	private static final String[] GIFTS = { "书包", "文具", "课外书", "冬衣", "牛奶", "水果", "运动鞋" };

	private final JdbcTemplate jdbc;

	@Transactional
	public void load() {
		Long existing = this.jdbc.queryForObject("select count(*) from pairing", Long.class);
		if (existing != null && existing > 0) {
			return;
		}
		Random random = new Random(7);
		LocalDate today = LocalDate.now();
		int pairings = 0;
		int contacts = 0;
		Long demoMother = this.jdbc.queryForList("""
				select v.id from volunteer v join app_user a on a.id = v.account_id
				where a.username = 'loufan.mother' and v.status = 'ACTIVE'""", Long.class)
			.stream()
			.findFirst()
			.orElse(null);
		if (demoMother != null) {
			long author = this.jdbc.queryForObject("select id from app_user where username = 'loufan.mother'",
					Long.class);
			List<Long> children = freeChildren("140123100", 3);
			int[][] plans = { { 200, 45 }, { 120, 6 }, { 3, -1 } };
			for (int i = 0; i < children.size() && i < plans.length; i++) {
				LocalDate start = today.minusDays(plans[i][0]);
				long pairing = pair(demoMother, children.get(i), start);
				pairings++;
				if (plans[i][1] >= 0) {
					contacts += history(pairing, start, today.minusDays(plans[i][1]), author, random, true);
				}
			}
		}
		for (String[] county : new String[][] { { "140123", "loufan.staff" }, { "140927", "shenchi.staff" } }) {
			long author = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, county[1]);
			List<Long[]> mothers = this.jdbc.query("""
					select v.id, v.federation_id from volunteer v join federation f on f.id = v.federation_id
					where v.role = 'MOTHER' and v.status = 'ACTIVE' and v.account_id is null
					  and f.path like (select path || '%' from federation where code = ?)
					order by v.id""", (row, n) -> new Long[] { row.getLong(1), row.getLong(2) }, county[0]);
			for (Long[] mother : mothers) {
				if (random.nextInt(6) == 0) {
					continue;
				}
				String township = this.jdbc.queryForObject("""
						select f.code from federation f
						where (select path from federation where id = ?) like f.path || '%' and f.level = 'TOWNSHIP'""",
						String.class, mother[1]);
				int wanted = 1 + random.nextInt(3);
				for (long child : freeChildren(township, wanted)) {
					LocalDate start = today.minusDays(20 + random.nextInt(340));
					long pairing = pair(mother[0], child, start);
					pairings++;
					boolean quiet = random.nextInt(8) == 0;
					LocalDate lastPossible = quiet ? today.minusDays(35 + random.nextInt(60))
							: today.minusDays(random.nextInt(20));
					if (!lastPossible.isBefore(start)) {
						contacts += history(pairing, start, lastPossible, author, random, false);
					}
				}
			}
		}
		int needs = needs(random, today);
		log.info("Demo pairings: {}, contacts: {}, needs: {}", pairings, contacts, needs);
	}

	/**
	 * Needs raised over the year in both counties: most resolved or referred, some still
	 * open, and in each county one safety concern still waiting for its mandatory report.
	 */
	private int needs(Random random, LocalDate today) {
		String[][] samples = { { "STUDY", "数学成绩下滑，需要课业辅导" }, { "PSYCHOLOGICAL", "父母离家后情绪低落，不爱说话" },
				{ "LIVING", "冬季缺少棉衣棉被" }, { "HEALTH", "视力下降，需要配眼镜" }, { "FAMILY", "爷爷生病住院，无人照看" },
				{ "STUDY", "缺少课外读物和学习用品" } };
		int count = 0;
		for (String[] county : new String[][] { { "140123", "loufan.staff" }, { "140927", "shenchi.staff" } }) {
			long author = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, county[1]);
			String name = this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class,
					author);
			List<Long> children = this.jdbc.queryForList(
					"""
							select p.child_id from pairing p join child c on c.id = p.child_id join federation f on f.id = c.federation_id
							where p.end_date is null and f.path like (select path || '%' from federation where code = ?)
							order by p.id""",
					Long.class, county[0]);
			for (int i = 0; i < Math.min(24, children.size()); i++) {
				String[] sample = samples[random.nextInt(samples.length)];
				boolean safety = i == 0;
				String status = safety || i % 3 == 0 ? "OPEN" : (i % 3 == 1 ? "RESOLVED" : "REFERRED");
				java.sql.Timestamp raised = java.sql.Timestamp
					.valueOf(today.minusDays(5 + random.nextInt(200)).atTime(10, 0));
				long need = this.jdbc.queryForObject(
						"""
								insert into need (child_id, federation_id, category, urgency, description, status, referred_to,
								  mandatory_report, raised_by, raised_at, closed_at)
								values (?, (select federation_id from child where id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
						Long.class, children.get(i), children.get(i), safety ? "SAFETY" : sample[0],
						safety ? "HIGH" : (random.nextBoolean() ? "MEDIUM" : "LOW"),
						safety ? "孩子反映放学路上常被高年级学生拦截索要钱物" : sample[1], status,
						"REFERRED".equals(status) ? ("HEALTH".equals(sample[0]) ? "HEALTH" : "CIVIL_AFFAIRS") : null,
						safety, author, raised, "OPEN".equals(status) ? null : raised);
				this.jdbc.update("""
						insert into need_step (need_id, to_status, by_user, by_name, at) values (?, 'OPEN', ?, ?, ?)""",
						need, author, name, raised);
				if (!"OPEN".equals(status)) {
					this.jdbc.update(
							"""
									insert into need_step (need_id, from_status, to_status, referred_to, note, by_user, by_name, at)
									values (?, 'OPEN', ?, ?, ?, ?, ?, ?)""",
							need, status, "REFERRED".equals(status)
									? ("HEALTH".equals(sample[0]) ? "HEALTH" : "CIVIL_AFFAIRS") : null,
							"RESOLVED".equals(status) ? "已协调解决" : "已转介相关部门跟进", author, name, raised);
				}
				count++;
			}
		}
		return count;
	}

	private List<Long> freeChildren(String townshipCode, int count) {
		return this.jdbc.queryForList("""
				select c.id from child c join federation f on f.id = c.federation_id
				where c.status = 'ACTIVE' and f.path like (select path || '%' from federation where code = ?)
				  and not exists (select 1 from pairing p where p.child_id = c.id)
				order by c.id limit ?""", Long.class, townshipCode, count);
	}

	private long pair(long mother, long child, LocalDate start) {
		return this.jdbc.queryForObject(
				"insert into pairing (volunteer_id, child_id, start_date, federation_id) "
						+ "select ?, c.id, ?, c.federation_id from child c where c.id = ? returning id",
				Long.class, mother, Date.valueOf(start), child);
	}

	/**
	 * Contacts every one to four weeks from the start to the last day, a home visit among
	 * them now and then.
	 */
	private int history(long pairing, LocalDate start, LocalDate last, long author, Random random,
			boolean homeVisitLast) {
		List<Object[]> rows = new ArrayList<>();
		LocalDate day = start.plusDays(1 + random.nextInt(7));
		int sinceHomeVisit = 99;
		while (!day.isAfter(last)) {
			boolean homeVisit = sinceHomeVisit > 45 || random.nextInt(4) == 0;
			rows.add(new Object[] { day, homeVisit });
			sinceHomeVisit = homeVisit ? 0 : sinceHomeVisit + 14;
			day = day.plusDays(7 + random.nextInt(22));
		}
		if (rows.isEmpty() || !rows.get(rows.size() - 1)[0].equals(last)) {
			rows.add(new Object[] { last, homeVisitLast || random.nextBoolean() });
		}
		for (Object[] row : rows) {
			boolean homeVisit = (Boolean) row[1];
			String mode = homeVisit ? "HOME_VISIT" : (random.nextInt(3) == 0 ? "VIDEO" : "PHONE");
			long visit = this.jdbc.queryForObject("""
					insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, notes, recorded_by,
					  client_token, reviewed_at, reviewed_by, federation_id)
					select y.id, ?, ?, ?, ?, ?, ?, ?, now(), ?, y.federation_id from pairing y where y.id = ?
					returning id""", Long.class, Date.valueOf((LocalDate) row[0]), mode,
					homeVisit ? 60 + random.nextInt(60) : 15 + random.nextInt(30),
					random.nextInt(12) == 0 ? "NEEDS_ATTENTION" : "GOOD", homeVisit ? "入户看望，和孩子聊学习和生活。" : "电话问候近况。",
					author, "demo-" + pairing + "-" + row[0], author, pairing);
			this.jdbc.update("insert into visit_care (visit_id, care_type) values (?, ?), (?, ?)", visit, "COMFORT",
					visit, CARE[random.nextInt(CARE.length)].equals("COMFORT") ? "GUIDANCE"
							: CARE[random.nextInt(CARE.length)].replace("COMFORT", "TUTORING"));
			if (homeVisit && random.nextInt(3) == 0) {
				this.jdbc.update("insert into visit_gift (visit_id, position, item, value_yuan) values (?, 0, ?, ?)",
						visit, GIFTS[random.nextInt(GIFTS.length)], 20 + random.nextInt(180));
			}
		}
		return rows.size();
	}

}
