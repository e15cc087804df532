package org.caringmothers.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year of events in 娄烦县 and 神池县: recruitment drives (with the applicants registered
 * there), a training every month attended by the county's mothers (credited with its
 * hours), a progress meeting each quarter, lectures and group activities for children,
 * and one training planned for next month. Generated names only. Loaded once: nothing
 * happens when any event exists.
 */
@Component
@RequiredArgsConstructor
class DemoEvents {

	static final List<String> COUNTIES = List.of("140123", "140927");

	private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String[] TRAINING_TOPICS = { "爱心妈妈职责与工作方法", "留守儿童心理特点与沟通技巧", "未成年人保护法解读", "家庭教育指导入门",
			"儿童安全教育与防溺水", "入户走访与关爱记录填写", "儿童情绪识别与心理疏导", "课业辅导的方法", "急难愁盼需求的发现与上报", "防范校园欺凌", "儿童营养与健康常识", "寒暑假关爱活动策划" };

	private static final String[] TRAINERS = { "白老师", "郝老师", "温老师", "乔老师", "梁老师", "常老师" };

	private static final String[] LECTURES = { "家庭教育公益讲座", "儿童心理健康讲座", "隔代教养讲座", "青春期教育讲座" };

	private static final String[] ACTIVITIES = { "“六一”爱心妈妈陪伴日", "暑期读书分享会", "中秋团圆手工活动", "冬日暖心送温暖活动" };

	private final JdbcTemplate jdbc;

	@Transactional
	public int load() {
		Long existing = this.jdbc.queryForObject("select count(*) from event", Long.class);
		if (existing != null && existing > 0) {
			return 0;
		}
		LocalDate today = LocalDate.now(ZONE);
		Random random = new Random(20240915L);
		int events = 0;
		int credits = 0;
		for (String code : COUNTIES) {
			List<Long> county = this.jdbc.queryForList("select id from federation where code = ?", Long.class, code);
			if (county.isEmpty()) {
				continue;
			}
			County place = county(county.get(0));
			LocalDate start = today.minusMonths(12).withDayOfMonth(1);
			for (int month = 0; month < 12; month++) {
				LocalDate day = start.plusMonths(month).plusDays(9 + random.nextInt(10));
				if (day.isAfter(today)) {
					day = today;
				}
				String topic = TRAINING_TOPICS[month % TRAINING_TOPICS.length];
				BigDecimal hours = BigDecimal.valueOf(2 + random.nextInt(5))
					.divide(BigDecimal.valueOf(2))
					.add(BigDecimal.ONE);
				String trainer = TRAINERS[random.nextInt(TRAINERS.length)];
				List<Long> attendees = pick(place.mothers, 8 + random.nextInt(8), random);
				long event = insert(place, place.countyId, "TRAINING", place.name + topic + "培训", day,
						place.name + "妇联会议室", attendees.size() + random.nextInt(6), hours, trainer);
				for (long volunteer : attendees) {
					this.jdbc.update(
							"insert into event_attendee (event_id, volunteer_id, added_by, added_at) values (?, ?, ?, ?)",
							event, volunteer, place.staffId, at(day, 17));
					this.jdbc.update(
							"""
									insert into volunteer_training (volunteer_id, training_date, topic, hours, trainer, recorded_by,
									  recorded_at, event_id)
									values (?, ?, ?, ?, ?, ?, ?, ?)""",
							volunteer, Date.valueOf(day), place.name + topic + "培训", hours, trainer, place.staffId,
							at(day, 17), event);
					credits++;
				}
				events++;
				if (month % 3 == 2) {
					insert(place, place.countyId, "PROGRESS_MEETING",
							place.name + "爱心妈妈结对关爱第" + (month / 3 + 1) + "次推进会",
							day.plusDays(5).isAfter(today) ? today : day.plusDays(5), place.name + "妇联会议室",
							20 + random.nextInt(20), null, null);
					events++;
				}
				if (month % 3 == 0) {
					long township = place.townships.isEmpty() ? place.countyId
							: place.townships.get(random.nextInt(place.townships.size()));
					String townshipName = this.jdbc.queryForObject("select name from federation where id = ?",
							String.class, township);
					insert(place, township, "LECTURE", townshipName + LECTURES[(month / 3) % LECTURES.length],
							day.minusDays(3), townshipName + "文化活动中心", 40 + random.nextInt(60), null, null);
					insert(place, township, "CHILDREN_ACTIVITY",
							townshipName + ACTIVITIES[(month / 3) % ACTIVITIES.length], day.minusDays(6),
							townshipName + "中心小学", 25 + random.nextInt(40), null, null);
					events += 2;
				}
			}
			List<Long> applicants = new ArrayList<>(place.applicants);
			for (int drive = 0; drive < 3; drive++) {
				LocalDate day = start.plusMonths(drive * 4L + 1).plusDays(random.nextInt(20));
				long township = place.townships.isEmpty() ? place.countyId
						: place.townships.get(random.nextInt(place.townships.size()));
				String townshipName = this.jdbc.queryForObject("select name from federation where id = ?", String.class,
						township);
				long event = insert(place, township, "RECRUITMENT", townshipName + "爱心妈妈招募活动", day,
						townshipName + "政府广场", 30 + random.nextInt(50), null, null);
				events++;
				int recruited = applicants.size() / (3 - drive);
				for (int i = 0; i < recruited; i++) {
					this.jdbc.update(
							"insert into event_recruit (event_id, volunteer_id, added_by, added_at) values (?, ?, ?, ?)",
							event, applicants.remove(0), place.staffId, at(day, 16));
				}
			}
			LocalDate planned = today.plusMonths(1).withDayOfMonth(15);
			insert(place, place.countyId, "TRAINING", place.name + "新招募爱心妈妈岗前培训", planned, place.name + "妇联会议室", 0,
					BigDecimal.valueOf(3), TRAINERS[0]);
			events++;
		}
		log.info("Demo events held: {} ({} training credits)", events, credits);
		return events;
	}

	private County county(long countyId) {
		County county = new County();
		county.countyId = countyId;
		county.name = this.jdbc.queryForObject("select name from federation where id = ?", String.class, countyId);
		String path = this.jdbc.queryForObject("select path from federation where id = ?", String.class, countyId);
		county.townships = this.jdbc.queryForList(
				"select id from federation where parent_id = ? and level = 'TOWNSHIP' order by code", Long.class,
				countyId);
		county.staffId = this.jdbc
			.queryForList("select id from app_user where federation_id = ? and role = 'STAFF' order by id", Long.class,
					countyId)
			.stream()
			.findFirst()
			.orElse(null);
		county.mothers = this.jdbc.queryForList("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where f.path like ? and v.role = 'MOTHER' and v.status in ('TRAINED', 'ACTIVE', 'SUSPENDED')
				order by v.id""", Long.class, path + "%");
		county.applicants = this.jdbc.queryForList("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where f.path like ? and v.status = 'APPLIED' order by v.id""", Long.class, path + "%");
		return county;
	}

	private long insert(County county, long federationId, String type, String title, LocalDate day, String place,
			int attendance, BigDecimal hours, String trainer) {
		return this.jdbc.queryForObject("""
				insert into event (federation_id, type, title, event_date, place, attendance_count, hours, trainer,
				  created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, federationId, type, title,
				Date.valueOf(day), place, attendance, hours, trainer, county.staffId,
				at(day.isAfter(LocalDate.now(ZONE)) ? LocalDate.now(ZONE) : day, 18));
	}

	private static List<Long> pick(List<Long> ids, int count, Random random) {
		List<Long> shuffled = new ArrayList<>(ids);
		Collections.shuffle(shuffled, random);
		return shuffled.subList(0, Math.min(count, shuffled.size()));
	}

	private static Timestamp at(LocalDate day, int hour) {
		return Timestamp.from(LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(ZONE).toInstant());
	}

	/** A demo county and the people its events draw on. */
	private static final class County {

		long countyId;

		String name;

		List<Long> townships;

		Long staffId;

		List<Long> mothers;

		List<Long> applicants;

	}

}
