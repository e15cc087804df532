package org.caringmothers.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import net.datafaker.Faker;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.privacy.Masking;
import org.caringmothers.common.privacy.ProtectedColumn;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic roster of caring mothers and reserve volunteers for the demo counties:
 * about 110 mothers and 30 reserves in 娄烦县 and in 神池县, a smaller set in 河津市, spread over
 * their townships. Most are active (screened, trained, sworn in), some are still on their
 * way, a few suspended or withdrawn; every active mother is backed by two or three
 * reserves. Plus the caring mother of the demo account {@code loufan.mother}. Generated
 * names, ID numbers and phone numbers only; ID numbers go through the same encryption and
 * keyed hash as the application's. Loaded once: nothing happens when any volunteer
 * exists.
 */
@Component
@RequiredArgsConstructor
class DemoVolunteers {

	/** County code, number of mothers, number of reserves. */
	static final List<int[]> COUNTIES = List.of(new int[] { 140123, 110, 30 }, new int[] { 140927, 110, 30 },
			new int[] { 140882, 40, 10 });

	static final String DEMO_MOTHER_ACCOUNT = "loufan.mother";

	static final String DEMO_MOTHER_NAME = "林秋菊";

	static final String DEMO_MOTHER_FEDERATION = "140123100";

	private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "赵", "杨", "郭", "高", "武", "贾", "任", "田", "段", "梁",
			"孟", "秦", "闫", "薛", "白", "韩", "乔", "冯", "郝", "霍", "吕", "常", "范", "苏", "程", "宋", "温", "侯", "康", "阎" };

	private static final String[] FEMALE_GIVEN = { "秀英", "桂英", "玉兰", "丽华", "春梅", "翠萍", "慧芳", "晓燕", "红梅", "金凤", "彩霞",
			"淑珍", "美玲", "海燕", "丽娟", "雪梅", "建芳", "秋霞", "艳红", "志华", "晓丽", "文静", "爱玲", "巧云", "凤英", "瑞芳", "俊霞", "月琴", "素珍",
			"婷婷", "丽萍", "冬梅", "小琴", "玉梅", "利平", "亚楠", "晓红", "燕妮", "佳慧", "丹丹" };

	private static final String[] MOTHER_OCCUPATIONS = { "教师", "村干部", "个体经营", "务农", "医生", "护士", "退休教师", "社区工作者", "公务员",
			"企业职工" };

	private static final String[] RESERVE_SKILLS = { "PSYCHOLOGIST", "TEACHER", "DOCTOR", "NURSE", "LAWYER",
			"SOCIAL_WORKER", "FAMILY_EDUCATOR", "TEACHER", "PSYCHOLOGIST" };

	private static final String[] TOPICS = { "爱心妈妈职责与工作方法", "留守儿童心理特点与沟通技巧", "未成年人保护法解读", "家庭教育指导入门", "儿童安全教育与防溺水",
			"入户走访与关爱记录填写" };

	private static final String[] SUSPEND_REASONS = { "外出务工，暂停三个月", "身体原因，暂停服务", "家中老人需要照顾，暂停服务" };

	private static final String[] WITHDRAW_REASONS = { "本人申请退出：家中事务繁忙", "随子女迁居外地", "身体原因，无法继续服务" };

	private final JdbcTemplate jdbc;

	private final SensitiveDataCipher cipher;

	private final Set<String> usedIdNumbers = new HashSet<>();

	@Transactional
	public int load() {
		Long existing = this.jdbc.queryForObject("select count(*) from volunteer", Long.class);
		if (existing != null && existing > 0) {
			return 0;
		}
		Faker faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(20240601L));
		LocalDate today = LocalDate.now(ZONE);
		Batch batch = new Batch();
		for (int[] county : COUNTIES) {
			loadCounty(faker, today, String.valueOf(county[0]), county[1], county[2], batch);
		}
		write(batch);
		log.info("Demo volunteers registered: {} ({} backing links, {} training records)", batch.volunteers.size(),
				batch.backings.size(), batch.trainings.size());
		return batch.volunteers.size();
	}

	private void loadCounty(Faker faker, LocalDate today, String countyCode, int mothers, int reserves, Batch batch) {
		List<Long> countyRow = this.jdbc.queryForList("select id from federation where code = ?", Long.class,
				countyCode);
		if (countyRow.isEmpty()) {
			return;
		}
		long countyId = countyRow.get(0);
		String countyName = this.jdbc.queryForObject("select name from federation where id = ?", String.class,
				countyId);
		List<Object[]> townships = this.jdbc.query(
				"select id, name, code from federation where parent_id = ? and level = 'TOWNSHIP' order by code",
				(row, i) -> new Object[] { row.getLong(1), row.getString(2), row.getString(3) }, countyId);
		Long station = this.jdbc
			.queryForList("select id from station where federation_id = ? order by id", Long.class, countyId)
			.stream()
			.findFirst()
			.orElse(null);
		Actor actor = this.jdbc
			.query("select id, display_name from app_user where federation_id = ? and role = 'STAFF' order by id",
					(row, i) -> new Actor(row.getLong(1), row.getString(2)), countyId)
			.stream()
			.findFirst()
			.orElse(new Actor(null, countyName + "妇联"));
		List<Long> ids = nextIds(mothers + reserves + 1);
		int next = 0;
		List<Person> countyReserves = new ArrayList<>();
		for (int i = 0; i < reserves; i++) {
			boolean atCounty = i % 3 == 0 || townships.isEmpty();
			Object[] township = atCounty ? null : townships.get(faker.random().nextInt(townships.size()));
			Person reserve = person(faker, today, ids.get(next++), countyCode, atCounty ? countyId : (long) township[0],
					atCounty ? station : null, "RESERVE", reserveStatus(faker), actor, null);
			reserve.workUnit = atCounty
					? countyName + faker.options().option("第一中学", "人民医院", "妇幼保健院", "司法局", "社会工作服务中心")
					: township[1] + faker.options().option("中心小学", "卫生院", "中学");
			String skill = RESERVE_SKILLS[faker.random().nextInt(RESERVE_SKILLS.length)];
			reserve.skills.add(skill);
			if (faker.random().nextInt(4) == 0) {
				reserve.skills.add("FAMILY_EDUCATOR");
			}
			reserve.occupation = occupationFor(skill);
			batch.add(reserve);
			if (!"WITHDRAWN".equals(reserve.status)) {
				countyReserves.add(reserve);
			}
		}
		for (int i = 0; i < mothers; i++) {
			Object[] township = townships.isEmpty() ? null : townships.get(faker.random().nextInt(townships.size()));
			Person mother = person(faker, today, ids.get(next++), countyCode,
					township == null ? countyId : (long) township[0], null, "MOTHER", motherStatus(faker), actor, null);
			mother.occupation = faker.options().option(MOTHER_OCCUPATIONS);
			mother.workUnit = switch (mother.occupation) {
				case "教师", "退休教师" -> (township == null ? countyName : township[1]) + "中心小学";
				case "医生", "护士" -> (township == null ? countyName : township[1]) + "卫生院";
				case "村干部" -> "村民委员会";
				case "社区工作者" -> "社区居民委员会";
				default -> null;
			};
			if ("教师".equals(mother.occupation) || "退休教师".equals(mother.occupation)) {
				mother.skills.add("TEACHER");
			}
			else if ("护士".equals(mother.occupation)) {
				mother.skills.add("NURSE");
			}
			else if ("医生".equals(mother.occupation)) {
				mother.skills.add("DOCTOR");
			}
			batch.add(mother);
			if ("ACTIVE".equals(mother.status) || "SUSPENDED".equals(mother.status)) {
				backWithReserves(faker, mother, countyReserves, batch);
			}
		}
		if ("140123".equals(countyCode)) {
			addDemoMother(faker, today, ids.get(next), countyCode, actor, countyReserves, batch);
		}
	}

	/** The caring mother of the demo account, active in 娄烦镇. */
	private void addDemoMother(Faker faker, LocalDate today, long id, String countyCode, Actor actor,
			List<Person> countyReserves, Batch batch) {
		List<Long> account = this.jdbc.queryForList("select id from app_user where username = ?", Long.class,
				DEMO_MOTHER_ACCOUNT);
		List<Long> federation = this.jdbc.queryForList("select id from federation where code = ?", Long.class,
				DEMO_MOTHER_FEDERATION);
		if (account.isEmpty() || federation.isEmpty()) {
			return;
		}
		Person mother = person(faker, today, id, countyCode, federation.get(0), null, "MOTHER", "ACTIVE", actor,
				account.get(0));
		mother.name = DEMO_MOTHER_NAME;
		mother.occupation = "退休教师";
		mother.workUnit = "娄烦镇中心小学";
		mother.skills.add("TEACHER");
		batch.add(mother);
		backWithReserves(faker, mother, countyReserves, batch);
	}

	private void backWithReserves(Faker faker, Person mother, List<Person> reserves, Batch batch) {
		if (reserves.size() < 2) {
			return;
		}
		List<Person> shuffled = new ArrayList<>(reserves);
		Collections.shuffle(shuffled, new Random(mother.id));
		int count = 2 + faker.random().nextInt(2);
		for (int i = 0; i < count && i < shuffled.size(); i++) {
			batch.backings.add(new Object[] { shuffled.get(i).id, mother.id });
		}
	}

	private Person person(Faker faker, LocalDate today, long id, String countyCode, long federationId, Long stationId,
			String role, String status, Actor actor, Long accountId) {
		Person person = new Person();
		person.id = id;
		person.role = role;
		person.status = status;
		person.federationId = federationId;
		person.stationId = stationId;
		person.accountId = accountId;
		person.actor = actor;
		boolean male = "RESERVE".equals(role) && faker.random().nextInt(5) == 0;
		person.male = male;
		person.name = faker.options().option(SURNAMES)
				+ (male ? faker.name().firstName() : faker.options().option(FEMALE_GIVEN));
		person.birthDate = LocalDate.of(1965 + faker.random().nextInt(36), 1 + faker.random().nextInt(12),
				1 + faker.random().nextInt(28));
		person.idNumber = idNumber(faker, countyCode, person.birthDate, male);
		person.phone = faker.options()
			.option("135", "138", "139", "150", "151", "158", "186", "187", "155", "133", "177")
				+ faker.number().digits(8);
		person.steps(faker, today);
		return person;
	}

	/**
	 * A valid, unused ID number; demo numbers use the order codes 00-49 so that they
	 * never meet the numbers the tests register (50-99).
	 */
	private String idNumber(Faker faker, String countyCode, LocalDate birth, boolean male) {
		String prefix = countyCode
				+ String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
		while (true) {
			int genderDigit = male ? 2 * faker.random().nextInt(5) + 1 : 2 * faker.random().nextInt(5);
			String candidate = IdNumbers
				.withCheckCharacter(prefix + String.format("%02d", faker.random().nextInt(50)) + genderDigit);
			if (this.usedIdNumbers.add(candidate)) {
				return candidate;
			}
		}
	}

	private static String motherStatus(Faker faker) {
		return Shares.pick(faker.random().nextInt(100), new int[] { 75, 81, 86, 91, 96 }, "ACTIVE", "APPLIED",
				"SCREENED", "TRAINED", "SUSPENDED", "WITHDRAWN");
	}

	private static String reserveStatus(Faker faker) {
		return Shares.reserveStatus(faker.random().nextInt(100));
	}

	private static String occupationFor(String skill) {
		return switch (skill) {
			case "PSYCHOLOGIST" -> "心理咨询师";
			case "TEACHER" -> "教师";
			case "DOCTOR" -> "医生";
			case "NURSE" -> "护士";
			case "LAWYER" -> "律师";
			case "SOCIAL_WORKER" -> "社会工作者";
			default -> "家庭教育指导师";
		};
	}

	private List<Long> nextIds(int count) {
		return this.jdbc.queryForList(
				"select nextval(pg_get_serial_sequence('volunteer', 'id')) from generate_series(1, ?)", Long.class,
				count);
	}

	private void write(Batch batch) {
		List<Object[]> volunteers = new ArrayList<>();
		List<Object[]> skills = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		for (Person p : batch.volunteers) {
			boolean screened = !"APPLIED".equals(p.status) && p.screenedOn != null;
			volunteers.add(new Object[] { p.id, p.federationId, p.stationId, p.accountId, p.role, p.name,
					p.male ? "MALE" : "FEMALE", Date.valueOf(p.birthDate), p.phone,
					this.cipher.encrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, p.idNumber),
					this.cipher.blindIndex(p.idNumber), Masking.idNumber(p.idNumber), p.workUnit, p.occupation,
					p.status, screened, screened, screened, p.oathOn == null ? null : Date.valueOf(p.oathOn), p.reason,
					at(p.appliedOn, 10) });
			for (String skill : p.skills) {
				skills.add(new Object[] { p.id, skill });
			}
			for (Object[] step : p.history) {
				history.add(new Object[] { p.id, step[0], step[1], p.actor.id(), p.actor.name(),
						at((LocalDate) step[2], 15), step[3] });
			}
		}
		this.jdbc.batchUpdate("""
				insert into volunteer (id, federation_id, station_id, account_id, role, name, gender, birth_date, phone,
				  id_number_cipher, id_number_index, id_number_masked, work_unit, occupation, status, interview_done,
				  references_checked, no_criminal_record, oath_date, status_reason, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", volunteers);
		this.jdbc.batchUpdate("insert into volunteer_skill (volunteer_id, skill) values (?, ?)", skills);
		this.jdbc.batchUpdate("""
				insert into volunteer_status_change (volunteer_id, from_status, to_status, changed_by, changed_by_name,
				  changed_at, note)
				values (?, ?, ?, ?, ?, ?, ?)""", history);
		this.jdbc.batchUpdate("""
				insert into volunteer_training (volunteer_id, training_date, topic, hours, trainer, recorded_by,
				  recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""", batch.trainings);
		this.jdbc.batchUpdate("insert into volunteer_backing (reserve_id, mother_id) values (?, ?)", batch.backings);
	}

	private static Timestamp at(LocalDate day, int hour) {
		return Timestamp.from(LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)).atZone(ZONE).toInstant());
	}

	private record Actor(Long id, String name) {
	}

	/** Everything written at the end, in batches. */
	private final class Batch {

		final List<Person> volunteers = new ArrayList<>();

		final List<Object[]> trainings = new ArrayList<>();

		final List<Object[]> backings = new ArrayList<>();

		void add(Person person) {
			this.volunteers.add(person);
			for (Object[] training : person.trainings) {
				this.trainings.add(new Object[] { person.id, Date.valueOf((LocalDate) training[0]), training[1],
						training[2], training[3], person.actor.id(), at((LocalDate) training[0], 18) });
			}
		}

	}

	/** One generated volunteer and her path through the lifecycle so far. */
	private static final class Person {

		long id;

		String role;

		String status;

		long federationId;

		Long stationId;

		Long accountId;

		Actor actor;

		boolean male;

		String name;

		LocalDate birthDate;

		String idNumber;

		String phone;

		String workUnit;

		String occupation;

		final Set<String> skills = new java.util.TreeSet<>();

		LocalDate appliedOn;

		LocalDate screenedOn;

		LocalDate oathOn;

		String reason;

		/** from, to, date, note. */
		final List<Object[]> history = new ArrayList<>();

		/** date, topic, hours, trainer. */
		final List<Object[]> trainings = new ArrayList<>();

		/** Dates the steps up to the status, oldest first, none in the future. */
		void steps(Faker faker, LocalDate today) {
			LocalDate day = today.minusDays(150 + faker.random().nextInt(600));
			this.appliedOn = day;
			this.history.add(new Object[] { null, "APPLIED", day, null });
			if ("APPLIED".equals(this.status)) {
				return;
			}
			boolean withdrawnEarly = "WITHDRAWN".equals(this.status) && faker.random().nextInt(3) == 0;
			day = day.plusDays(5 + faker.random().nextInt(15));
			this.screenedOn = day;
			this.history.add(new Object[] { "APPLIED", "SCREENED", day, "面谈、推荐人核实、无犯罪记录承诺均已完成" });
			if ("SCREENED".equals(this.status)) {
				if (faker.random().nextBoolean()) {
					training(faker, day.plusDays(3), new BigDecimal("1.0"));
				}
				return;
			}
			if (withdrawnEarly) {
				this.reason = faker.options().option(WITHDRAW_REASONS);
				this.history.add(new Object[] { "SCREENED", "WITHDRAWN", day.plusDays(10), this.reason });
				return;
			}
			training(faker, day.plusDays(4), new BigDecimal(faker.options().option("2.0", "2.5", "3.0")));
			if (faker.random().nextBoolean()) {
				training(faker, day.plusDays(9), new BigDecimal(faker.options().option("1.5", "2.0")));
			}
			day = day.plusDays(12 + faker.random().nextInt(10));
			this.history.add(new Object[] { "SCREENED", "TRAINED", day, null });
			if ("TRAINED".equals(this.status)) {
				return;
			}
			day = day.plusDays(3 + faker.random().nextInt(12));
			this.oathOn = day;
			this.history.add(new Object[] { "TRAINED", "ACTIVE", day, "在县妇联集体宣誓" });
			if ("ACTIVE".equals(this.status)) {
				return;
			}
			day = day.plusDays(20 + faker.random().nextInt(40));
			if ("SUSPENDED".equals(this.status)) {
				this.reason = faker.options().option(SUSPEND_REASONS);
			}
			else {
				this.reason = faker.options().option(WITHDRAW_REASONS);
			}
			this.history.add(new Object[] { "ACTIVE", this.status, day, this.reason });
		}

		private void training(Faker faker, LocalDate day, BigDecimal hours) {
			this.trainings.add(new Object[] { day, faker.options().option(TOPICS), hours,
					faker.options().option(SURNAMES) + faker.options().option(FEMALE_GIVEN) });
		}

	}

}
