package org.caringmothers.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

import lombok.RequiredArgsConstructor;
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
 * A realistic children's register for the demo counties, shaped like the totals the seed
 * page reports for 河津市 (600+ children): mostly left-behind children living with their
 * grandparents, some children in difficulty, most with an ID number and a guardian's
 * consent. Generated names only. Loaded once: nothing happens when any child exists.
 */
@Component
@RequiredArgsConstructor
class DemoChildren {

	/** County code and how many children it registers. */
	static final List<Object[]> COUNTIES = List.of(new Object[] { "140123", 620 }, new Object[] { "140927", 610 },
			new Object[] { "140882", 320 });

	private static final Logger log = LoggerFactory.getLogger(DemoChildren.class);

	private static final String[] GIVEN = { "梓涵", "子轩", "欣怡", "浩然", "雨桐", "宇航", "诗琪", "俊杰", "佳怡", "一诺", "思远", "可馨",
			"博文", "若曦", "天佑", "雅静", "晨阳", "梦瑶", "家豪", "心悦", "嘉怡", "锦程", "雨萱", "明轩", "紫涵", "思彤", "泽宇", "欣然", "晓东",
			"慧敏" };

	/** Common surnames of Shanxi villages, so that generated names look ordinary. */
	static final String[] SURNAMES = { "王", "李", "张", "刘", "赵", "杨", "郭", "高", "武", "贾", "任", "田", "段", "梁", "孟", "秦",
			"闫", "薛", "白", "韩", "乔", "冯", "郝", "霍", "吕", "常", "范", "苏", "程", "宋" };

	private static final String[] WORK_PLACES = { "太原", "北京", "天津", "石家庄", "西安", "郑州", "鄂尔多斯", "上海", "广州", "深圳" };

	private final JdbcTemplate jdbc;

	private final SensitiveDataCipher cipher;

	private final Set<String> usedIdNumbers = new java.util.HashSet<>();

	@Transactional
	public int load() {
		Long existing = this.jdbc.queryForObject("select count(*) from child", Long.class);
		if (existing != null && existing > 0) {
			return 0;
		}
		Random random = new Random(18);
		LocalDate today = LocalDate.now();
		int created = 0;
		for (Object[] county : COUNTIES) {
			String code = (String) county[0];
			int count = (Integer) county[1];
			List<Object[]> townships = this.jdbc.query(
					"select f.id, f.name from federation f join federation c on f.parent_id = c.id where c.code = ?"
							+ " and f.level = 'TOWNSHIP' order by f.code",
					(row, i) -> new Object[] { row.getLong(1), row.getString(2) }, code);
			String countyName = this.jdbc.queryForObject("select name from federation where code = ?", String.class,
					code);
			for (int i = 0; i < count; i++) {
				Object[] township = townships.get(random.nextInt(townships.size()));
				insertChild(random, today, code, countyName, township, i);
				created++;
			}
		}
		log.info("Demo children registered: {}", created);
		return created;
	}

	private void insertChild(Random random, LocalDate today, String countyCode, String countyName, Object[] township,
			int sequence) {
		String surname = SURNAMES[random.nextInt(SURNAMES.length)];
		String name = surname + GIVEN[random.nextInt(GIVEN.length)];
		boolean male = random.nextBoolean();
		LocalDate birth = today.minusYears(3 + random.nextInt(15)).minusDays(random.nextInt(365));
		Set<String> categories = categories(random);
		boolean hasId = birth.isBefore(today.minusYears(6)) || random.nextInt(3) == 0;
		String idNumber = null;
		if (hasId) {
			idNumber = uniqueIdNumber(countyCode, birth, male, random);
		}
		int age = today.getYear() - birth.getYear();
		String school = age < 6 ? null : (age < 12 ? township[1] + "中心小学" : countyName + "第二中学");
		String grade = age < 6 ? null : (age < 12 ? (age - 5) + "年级" : "初" + Math.min(3, age - 11) + "年级");
		String situation = categories.contains("LEFT_BEHIND") ? (random.nextInt(3) == 0 ? "ONE_AWAY" : "BOTH_AWAY")
				: (categories.contains("ORPHAN") ? "DECEASED" : "OTHER");
		String risk = categories.contains("GUARDIANSHIP_RISK") || categories.contains("DE_FACTO_UNSUPPORTED") ? "HIGH"
				: (categories.size() > 1 ? "MEDIUM" : "LOW");
		String status = random.nextInt(40) == 0 ? "MOVED" : "ACTIVE";
		String guardianName = surname + (random.nextBoolean() ? "奶奶" : "爷爷");
		Long id = this.jdbc.queryForObject("""
				insert into child (federation_id, name, gender, birth_date, id_number_cipher, id_number_index,
				  id_number_masked, parents_situation, parents_work_place, school, grade, address, risk_level,
				  consent_date, consent_by, consent_scope, status, status_reason, status_changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				returning id""", Long.class, township[0], name, male ? "MALE" : "FEMALE", Date.valueOf(birth),
				this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, idNumber), this.cipher.blindIndex(idNumber),
				Masking.idNumber(idNumber), situation,
				"BOTH_AWAY".equals(situation) || "ONE_AWAY".equals(situation)
						? WORK_PLACES[random.nextInt(WORK_PLACES.length)] : null,
				school, grade, township[1] + String.valueOf(1 + random.nextInt(11)) + "组", risk,
				Date.valueOf(today.minusDays(30 + random.nextInt(600))), guardianName, "结对关爱、走访和信息登记", status,
				"MOVED".equals(status) ? "随父母外出就读" : null,
				"MOVED".equals(status) ? java.sql.Timestamp.from(java.time.Instant.now()) : null);
		for (String category : categories) {
			this.jdbc.update("insert into child_category (child_id, category) values (?, ?)", id, category);
		}
		this.jdbc.update(
				"insert into child_guardian (child_id, position, name, relation, phone) values (?, 0, ?, ?, ?)", id,
				guardianName, "GRANDPARENT", phone(random));
		if (random.nextInt(3) == 0) {
			this.jdbc.update(
					"insert into child_guardian (child_id, position, name, relation, phone) values (?, 1, ?, ?, ?)", id,
					surname + (random.nextBoolean() ? "建军" : "丽娟"), "PARENT", phone(random));
		}
	}

	/**
	 * A valid, unused ID number; demo numbers use the order codes 00-09 so that they
	 * never meet the numbers the tests register.
	 */
	private String uniqueIdNumber(String countyCode, LocalDate birth, boolean male, Random random) {
		String prefix = countyCode
				+ String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
		for (int attempt = 0; attempt < 50; attempt++) {
			int gender = male ? 2 * random.nextInt(5) + 1 : 2 * random.nextInt(5);
			String candidate = IdNumbers.withCheckCharacter(prefix + "0" + random.nextInt(10) + gender);
			if (this.usedIdNumbers.add(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static Set<String> categories(Random random) {
		Set<String> categories = new java.util.TreeSet<>();
		int roll = random.nextInt(100);
		if (roll < 78) {
			categories.add("LEFT_BEHIND");
		}
		if (random.nextInt(100) < 18) {
			categories.add("POVERTY");
		}
		if (random.nextInt(100) < 5) {
			categories.add("DISABILITY");
		}
		if (random.nextInt(100) < 3) {
			categories.add("SERIOUS_ILLNESS");
		}
		if (random.nextInt(100) < 4) {
			categories.add("GUARDIANSHIP_RISK");
		}
		if (!categories.contains("LEFT_BEHIND")) {
			categories.add(random.nextBoolean() ? "ORPHAN" : "DE_FACTO_UNSUPPORTED");
		}
		return categories;
	}

	private static String phone(Random random) {
		String[] prefixes = { "135", "138", "139", "150", "151", "158", "186", "187", "155", "133" };
		return prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
	}

}
