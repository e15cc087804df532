package org.caringmothers.child.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.privacy.IdNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.ADMIN;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.caringmothers.common.DemoUsers.XINZHOU_OFFICIAL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The children's register through the web: forms, scope, masking, reveal and audit. */
@SpringBootTest
@AutoConfigureMockMvc
class ChildControllerTests {

	private static final LocalDate BIRTH = LocalDate.of(2015, 3, 15);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void everyProblemOfAFormIsShownInOneRoundWithASummaryAtTheTop() throws Exception {
		String badCheckDigit = idNumber("14012320150315", 2, false);
		badCheckDigit = badCheckDigit.substring(0, 17) + (badCheckDigit.charAt(17) == '1' ? '2' : '1');
		long before = this.jdbc.queryForObject("select count(*) from child", Long.class);
		page(validChild("", "idNumber", badCheckDigit, "federationCode", "140927100", "guardians[0].phone", "123"),
				LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(
					model().attributeHasFieldErrors("form", "name", "idNumber", "federationCode", "guardians[0].phone"))
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("校验位不正确")))
			.andExpect(content().string(containsString("您管辖范围内没有此区划代码的妇联")))
			.andExpect(content().string(containsString("href=\"#idNumber\"")));
		assertThat(this.jdbc.queryForObject("select count(*) from child", Long.class)).isEqualTo(before);
	}

	@Test
	void freeTextMayHoldAngleBracketsWhichAreEscapedButNotControlCharacters() throws Exception {
		long id = register(LOUFAN_STAFF, "小明", idNumber("14012320150315", 12, false), "140123101");
		String version = String
			.valueOf(this.jdbc.queryForObject("select version from child where id = ?", Long.class, id));
		page(childForm("/children/" + id + "/edit", "小明", "healthNotes", "成绩<60，<b>需辅导</b>", "version", version),
				LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select health_notes from child where id = ?", String.class, id))
			.isEqualTo("成绩<60，<b>需辅导</b>");
		page(get("/children/" + id), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("成绩&lt;60，&lt;b&gt;需辅导&lt;/b&gt;")))
			.andExpect(content().string(not(containsString("<b>需辅导</b>"))));
		expectError(
				childForm("/children/" + id + "/edit", "小明", "healthNotes", "响铃\u0007", "version",
						String.valueOf(
								this.jdbc.queryForObject("select version from child where id = ?", Long.class, id))),
				"healthNotes", "不能包含控制字符");
	}

	@Test
	void staffRegisterAChildWithTwoCategoriesAndAGuardian() throws Exception {
		String idNumber = idNumber("14012320150315", 2, false);
		long id = register(LOUFAN_STAFF, "小红", idNumber, "140123101");
		assertThat(this.jdbc.queryForObject("select count(*) from child_category where child_id = ?", Long.class, id))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select phone from child_guardian where child_id = ?", String.class, id))
			.isEqualTo("13912345678");
		page(get("/children/" + id), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("留守儿童")))
			.andExpect(content().string(containsString("孤儿")))
			.andExpect(content().string(containsString(idNumber.substring(0, 6) + "********" + idNumber.substring(14))))
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(not(containsString("13912345678"))));
		page(get("/children").param("q", "小红"), LOUFAN_STAFF).andExpect(content().string(containsString("小红")))
			.andExpect(content().string(not(containsString(idNumber))));
	}

	@Test
	void theIdNumberIsStoredEncryptedAndFoundByItsKeyedHash() throws Exception {
		String idNumber = idNumber("14012320150315", 4, false);
		long id = register(LOUFAN_STAFF, "小芳", idNumber, "140123101");
		String cipher = this.jdbc.queryForObject("select id_number_cipher from child where id = ?", String.class, id);
		assertThat(cipher).isNotBlank().doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14));
		String raw = this.jdbc.queryForObject("select row_to_json(c)::text from child c where id = ?", String.class,
				id);
		assertThat(raw).doesNotContain(idNumber);
	}

	@Test
	void viewsAndRevealsAreAuditedAndOfficialsCannotReveal() throws Exception {
		String idNumber = idNumber("14012320150315", 6, false);
		long id = register(LOUFAN_STAFF, "小丽", idNumber, "140123101");
		long views = audit(id, "VIEW");
		page(get("/children/" + id), LOUFAN_STAFF).andExpect(status().isOk());
		assertThat(audit(id, "VIEW")).isEqualTo(views + 1);

		page(post("/children/" + id + "/reveal").with(csrf()).param("field", "idNumber"), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(idNumber)));
		page(post("/children/" + id + "/reveal").with(csrf()).param("field", "guardianPhone").param("index", "0"),
				LOUFAN_STAFF)
			.andExpect(content().string(containsString("13912345678")));
		assertThat(audit(id, "REVEAL")).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where record_id = ? and summary like ?",
				Long.class, id, "%" + idNumber + "%"))
			.isZero();

		page(get("/children/" + id), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(post("/children/" + id + "/reveal").with(csrf()).param("field", "idNumber"), ADMIN)
			.andExpect(status().isOk());
		page(post("/children/" + id + "/reveal").with(csrf()).param("field", "idNumber"), LOUFAN_MOTHER)
			.andExpect(status().isForbidden());
		assertThat(audit(id, "REVEAL")).isEqualTo(3);
	}

	@Test
	void officialsSeeFiguresNeverAChild() throws Exception {
		long id = register(SHENCHI_STAFF, "小明", idNumber("14092720120630", 3, true), "140927100");
		for (String path : new String[] { "/children", "/children/" + id, "/children/export" }) {
			page(get(path), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		}
		page(get("/"), XINZHOU_OFFICIAL).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/children"))))
			.andExpect(content().string(not(containsString("href=\"/visits/review"))))
			.andExpect(content().string(not(containsString("href=\"/needs"))))
			.andExpect(content().string(not(containsString("href=\"/volunteers"))))
			.andExpect(content().string(containsString("href=\"/dashboard")));
		this.mvc
			.perform(post("/children/" + id + "/reveal").with(csrf())
				.param("field", "idNumber")
				.with(this.users.as(XINZHOU_OFFICIAL)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aChildOutsideTheSubtreeIsNotFoundOnEveryRoute() throws Exception {
		long id = register(SHENCHI_STAFF, "小刚", idNumber("14092720120630", 5, true), "140927100");
		for (String path : new String[] { "/children/" + id, "/children/" + id + "/edit" }) {
			page(get(path), LOUFAN_STAFF).andExpect(status().isNotFound());
		}
		page(post("/children/" + id + "/reveal").with(csrf()).param("field", "idNumber"), LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		page(post("/children/" + id + "/status").with(csrf()).param("status", "CLOSED").param("reason", "x"),
				LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		page(childForm("/children/" + id + "/edit", "小刚改", "version", "0"), LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		page(get("/children"), LOUFAN_STAFF).andExpect(content().string(not(containsString("小刚"))));
		assertThat(this.jdbc.queryForObject("select status from child where id = ?", String.class, id))
			.isEqualTo("ACTIVE");
	}

	@Test
	void oneRecordPerIdNumberAnywhereNamingTheFederationOnlyWithinTheUsersScope() throws Exception {
		String idNumber = idNumber("14092720120630", 7, true);
		register(SHENCHI_STAFF, "小强", idNumber, "140927100");
		long before = children();
		long refusals = this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'DENIED' and record_type = 'CHILD' and actor_username = ?",
				Long.class, LOUFAN_STAFF);
		page(validChild("小强", "idNumber", idNumber, "gender", "MALE", "birthDate", "2012-06-30"), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "idNumber"))
			.andExpect(content().string(containsString("该身份证号已在其他县登记：请联系省妇联系统管理员。")))
			.andExpect(content().string(not(containsString("龙泉镇"))))
			.andExpect(content().string(not(containsString("小强</a>"))));
		assertThat(children()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'DENIED' and record_type = 'CHILD' and actor_username = ?",
				Long.class, LOUFAN_STAFF))
			.isEqualTo(refusals + 1);
		// within her own subtree the holder is named, so that she can find the record
		page(validChild("小强", "idNumber", idNumber, "gender", "MALE", "birthDate", "2012-06-30", "federationCode",
				"140927100"), SHENCHI_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该身份证号已在“龙泉镇”登记")));
	}

	@Test
	void badInputGivesFieldErrorsAndSavesNothing() throws Exception {
		long before = children();
		expectError(validChild("小华", "idNumber", "140123201503150020"), "idNumber", "校验位不正确");
		expectError(validChild("小华", "idNumber", idNumber("14012320150316", 2, false)), "idNumber", "出生日期与身份证号不一致");
		expectError(validChild("小华", "idNumber", idNumber("14012320150315", 1, true)), "idNumber", "性别与身份证号不一致");
		expectError(validChild("小华", "birthDate", LocalDate.now().plusDays(3).toString()), "birthDate", "日期必须早于今天");
		expectError(validChild("小华", "birthDate", LocalDate.now().minusYears(18).toString()), "birthDate",
				"登记时儿童须未满 18 周岁");
		expectError(validChild("小华\u0007"), "name", "不能包含控制字符");
		expectError(validChild("华".repeat(41)), "name", "长度不能超过 40 个字符");
		expectError(validChild("小华", "guardians[0].phone", "1391234567"), "guardians[0].phone", "请输入 11 位手机号码");
		expectError(validChild("小华", "guardians[0].name", "", "guardians[0].relation", "", "guardians[0].phone", ""),
				"guardians[0].name", "请至少填写一位监护人");
		expectError(validChild("小华", "federationCode", "140927100"), "federationCode", "您管辖范围内没有");
		expectError(validChild("小华", "federationCode", "140123"), "federationCode", "乡镇（街道）或村（社区）");
		expectError(validChild("小华", "consentDate", ""), "consentDate", "必填");
		expectError(validChild("小华", "address", "村\u0007组"), "address", "不能包含控制字符");
		MvcResult noCategory = this.mvc
			.perform(post("/children/new").with(csrf())
				.param("name", "小华")
				.param("gender", "FEMALE")
				.param("birthDate", BIRTH.toString())
				.param("parentsSituation", "BOTH_AWAY")
				.param("federationCode", "140123101")
				.param("guardians[0].name", "王奶奶")
				.param("guardians[0].relation", "GRANDPARENT")
				.param("guardians[0].phone", "13912345678")
				.param("riskLevel", "LOW")
				.param("consentDate", "2025-01-01")
				.param("consentBy", "王奶奶")
				.with(this.users.as(LOUFAN_STAFF)))
			.andExpect(model().attributeHasFieldErrors("form", "categories"))
			.andReturn();
		assertThat(noCategory.getResponse().getContentAsString()).contains("请至少选择一项");
		assertThat(children()).isEqualTo(before);
	}

	@Test
	void editsKeepStoredNumbersAndRefuseAStaleVersion() throws Exception {
		String idNumber = idNumber("14012320150315", 8, false);
		long id = register(LOUFAN_STAFF, "小燕", idNumber, "140123101");
		page(get("/children/" + id + "/edit"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(not(containsString("13912345678"))));
		long version = this.jdbc.queryForObject("select version from child where id = ?", Long.class, id);
		page(childForm("/children/" + id + "/edit", "小燕", "idNumber", "", "guardians[0].phone", "", "school", "静游镇中心小学",
				"version", String.valueOf(version)), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select phone from child_guardian where child_id = ?", String.class, id))
			.isEqualTo("13912345678");
		assertThat(this.jdbc.queryForObject("select id_number_masked from child where id = ?", String.class, id))
			.isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
		page(childForm("/children/" + id + "/edit", "旧值", "version", String.valueOf(version)), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有人修改了这条记录")))
			.andExpect(content().string(containsString("静游镇中心小学")));
		assertThat(this.jdbc.queryForObject("select name from child where id = ?", String.class, id)).isEqualTo("小燕");
		assertThat(audit(id, "UPDATE")).isEqualTo(1);
	}

	@Test
	void statusChangesNeedAReasonAndAreAudited() throws Exception {
		long id = register(LOUFAN_STAFF, "小军", null, "140123101");
		page(post("/children/" + id + "/status").with(csrf()).param("status", "MOVED").param("reason", ""),
				LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select status from child where id = ?", String.class, id))
			.isEqualTo("ACTIVE");
		page(post("/children/" + id + "/status").with(csrf()).param("status", "MOVED").param("reason", "随父母迁往太原"),
				LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select status from child where id = ?", String.class, id))
			.isEqualTo("MOVED");
		assertThat(audit(id, "STATUS")).isEqualTo(1);
		page(get("/children").param("status", "MOVED"), LOUFAN_STAFF).andExpect(content().string(containsString("小军")));
	}

	@Test
	void theListFiltersPairedAndUnpairedChildren() throws Exception {
		String paired = this.jdbc.queryForObject("""
				select c.name from child c join pairing p on p.child_id = c.id and p.end_date is null
				join federation f on f.id = c.federation_id
				where f.path like (select path || '%' from federation where code = '140123') order by c.id limit 1""",
				String.class);
		long pairedCount = this.jdbc.queryForObject("""
				select count(*) from child c join federation f on f.id = c.federation_id
				where f.path like (select path || '%' from federation where code = '140123')
				  and exists (select 1 from pairing p where p.child_id = c.id and p.end_date is null)""", Long.class);
		page(get("/children").param("paired", "true").param("q", paired), LOUFAN_STAFF)
			.andExpect(content().string(containsString(paired)));
		page(get("/children").param("paired", "false").param("q", paired), LOUFAN_STAFF)
			.andExpect(content().string(not(containsString(">" + paired + "<"))));
		page(get("/children").param("paired", "true"), LOUFAN_STAFF)
			.andExpect(content().string(containsString("共 " + pairedCount + " 条")));
	}

	@Test
	void mothersAndAnonymousVisitorsCannotOpenTheRegister() throws Exception {
		page(get("/children"), LOUFAN_MOTHER).andExpect(status().isForbidden());
		this.mvc.perform(get("/children")).andExpect(status().is3xxRedirection());
		page(get("/children/new"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
	}

	private long register(String user, String name, String idNumber, String federationCode) throws Exception {
		List<String> fields = new ArrayList<>(List.of("federationCode", federationCode));
		if (idNumber != null) {
			fields.addAll(List.of("idNumber", idNumber, "gender", IdNumbers.male(idNumber) ? "MALE" : "FEMALE",
					"birthDate", IdNumbers.birthDate(idNumber).toString()));
		}
		page(validChild(name, fields.toArray(String[]::new)), user).andExpect(status().is3xxRedirection());
		return this.jdbc.queryForObject("select max(id) from child where name = ?", Long.class, name);
	}

	private MockHttpServletRequestBuilder validChild(String name, String... overrides) {
		return childForm("/children/new", name, overrides);
	}

	/**
	 * The form of a valid child, posted to the path, with some fields replaced (name,
	 * value, ...).
	 */
	private MockHttpServletRequestBuilder childForm(String path, String name, String... overrides) {
		Map<String, String[]> fields = new LinkedHashMap<>();
		fields.put("name", new String[] { name });
		fields.put("gender", new String[] { "FEMALE" });
		fields.put("birthDate", new String[] { BIRTH.toString() });
		fields.put("categories", new String[] { "LEFT_BEHIND", "ORPHAN" });
		fields.put("parentsSituation", new String[] { "BOTH_AWAY" });
		fields.put("parentsWorkPlace", new String[] { "太原" });
		fields.put("federationCode", new String[] { "140123101" });
		fields.put("guardians[0].name", new String[] { "王奶奶" });
		fields.put("guardians[0].relation", new String[] { "GRANDPARENT" });
		fields.put("guardians[0].phone", new String[] { "13912345678" });
		fields.put("riskLevel", new String[] { "MEDIUM" });
		fields.put("consentDate", new String[] { "2025-01-01" });
		fields.put("consentBy", new String[] { "王奶奶" });
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], new String[] { overrides[i + 1] });
		}
		MockHttpServletRequestBuilder request = post(path).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private void expectError(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
		page(request, LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field))
			.andExpect(content().string(containsString(message)));
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	/**
	 * A valid ID number: 14 leading digits (region and birth date), a sequence and the
	 * gender digit.
	 */
	private static String idNumber(String regionAndBirth, int sequence, boolean male) {
		int genderDigit = male ? 2 * (sequence % 5) + 1 : 2 * (sequence % 5);
		String first17 = regionAndBirth + String.format("%02d", 10 + sequence % 90) + genderDigit;
		return IdNumbers.withCheckCharacter(first17);
	}

	private long audit(long childId, String action) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where record_type = 'CHILD' and record_id = ? and action = ?",
				Long.class, childId, action);
	}

	private long children() {
		return this.jdbc.queryForObject("select count(*) from child", Long.class);
	}

}
