package org.caringmothers.volunteer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.privacy.Masking;
import org.caringmothers.volunteer.TestIdNumbers;
import org.caringmothers.volunteer.VolunteerStatus;
import org.caringmothers.volunteer.VolunteerStatusChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The volunteer register through the web: forms and their errors, scope, masking, audited
 * reveals, the lifecycle, training, reserves and the list.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class VolunteerControllerTests {

	private static final String PHONE = "13912345678";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void staffRegisterAMotherWhoseNumbersAreMaskedEverywhere() throws Exception {
		String idNumber = TestIdNumbers.woman("140123");
		long id = register(LOUFAN_STAFF, "杜晓梅", idNumber, "140123101", "MOTHER");
		String maskedId = Masking.idNumber(idNumber);
		page(get("/volunteers/" + id), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("杜晓梅")))
			.andExpect(content().string(containsString(maskedId)))
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(containsString("已报名")))
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(not(containsString(PHONE))));
		page(get("/volunteers").param("q", "杜晓梅"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("杜晓梅")))
			.andExpect(content().string(containsString(maskedId)))
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(not(containsString(PHONE))));
		page(get("/volunteers/" + id + "/edit"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(not(containsString(PHONE))));
		assertThat(audit(id, "CREATE")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from volunteer_status_change where volunteer_id = ?",
				Long.class, id))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where summary like ?", Long.class,
				"%" + idNumber + "%"))
			.isZero();
	}

	@Test
	void everyProblemOfTheVolunteerFormIsShownInOneRound() throws Exception {
		String valid = TestIdNumbers.woman("140123");
		String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
		page(form("", "idNumber", wrongCheck, "federationCode", "140927100", "phone", "1391234567"), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "name", "idNumber", "federationCode", "phone"))
			.andExpect(content().string(containsString("校验位不正确")))
			.andExpect(content().string(containsString("您管辖范围内没有")))
			.andExpect(content().string(containsString("id=\"error-summary\"")));
		page(form("张丽", "idNumber", wrongCheck, "federationCode", "140927100"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "idNumber", "federationCode"));
	}

	@Test
	void badInputGivesAFieldErrorInTheUsersLanguageAndSavesNothing() throws Exception {
		long before = count("volunteer");
		String valid = TestIdNumbers.woman("140123");
		String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
		expectError(form("张丽", "idNumber", wrongCheck), "idNumber", "校验位不正确");
		expectError(form("张丽", "idNumber", valid, "birthDate", "1990-01-01"), "idNumber", "出生日期与身份证号不一致");
		expectError(form("张丽", "idNumber", valid, "gender", "MALE"), "idNumber", "性别与身份证号不一致");
		expectError(form("张丽", "idNumber", "1401231990"), "idNumber", "身份证号应为 18 位");
		expectError(form("张丽", "idNumber", valid, "birthDate", LocalDate.now().plusDays(2).toString()), "birthDate",
				"日期必须早于今天");
		expectError(form("张丽", "idNumber", valid, "phone", "1391234567"), "phone", "请输入 11 位手机号码");
		expectError(form("张丽", "idNumber", valid, "phone", "12912345678"), "phone", "请输入 11 位手机号码");
		expectError(form("丽".repeat(41), "idNumber", valid), "name", "长度不能超过 40 个字符");
		expectError(form("张丽\u0007", "idNumber", valid), "name", "不能包含控制字符");
		expectError(form("张丽", "idNumber", valid, "workUnit", "x\u0000y"), "workUnit", "不能包含控制字符");
		expectError(form("张丽", "idNumber", valid, "occupation", "教师\u001f"), "occupation", "不能包含控制字符");
		expectError(form("张丽", "idNumber", valid, "workUnit", "单".repeat(101)), "workUnit", "长度不能超过 100 个字符");
		expectError(form("张丽", "idNumber", valid, "federationCode", "140927100"), "federationCode", "您管辖范围内没有");
		expectError(form("张丽", "idNumber", valid, "role", "RESERVE"), "skills", "预备志愿者须至少选择一项专业技能");
		expectError(form("张丽", "idNumber", ""), "idNumber", "必填");
		expectError(form("张丽", "idNumber", valid, "phone", ""), "phone", "必填");
		String young = IdNumbers
			.withCheckCharacter("140123" + LocalDate.now().minusYears(16).toString().replace("-", "") + "502");
		expectError(form("张丽", "idNumber", young, "birthDate", IdNumbers.birthDate(young).toString()), "birthDate",
				"年满 18 周岁");
		page(form("张丽", "idNumber", valid, "federationCode", "140100"), ADMIN).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "federationCode"))
			.andExpect(content().string(containsString("县、乡镇（街道）或村（社区）")));
		this.mvc.perform(form("Zhang Li", "idNumber", wrongCheck).param("lang", "en").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(model().attributeHasFieldErrors("form", "idNumber"))
			.andExpect(content().string(containsString("The check digit of this ID number is wrong")));
		assertThat(count("volunteer")).isEqualTo(before);
	}

	@Test
	void oneRecordPerIdNumberAnywhereNamingTheFederationOnlyWithinTheUsersScope() throws Exception {
		String idNumber = TestIdNumbers.woman("140927");
		register(SHENCHI_STAFF, "温春燕", idNumber, "140927100", "MOTHER");
		long before = count("volunteer");
		String refusals = "select count(*) from audit_entry where action = 'DENIED' and record_type = 'VOLUNTEER' "
				+ "and actor_username = '" + LOUFAN_STAFF + "'";
		long refusedBefore = this.jdbc.queryForObject(refusals, Long.class);
		page(form("另一人", "idNumber", idNumber, "birthDate", IdNumbers.birthDate(idNumber).toString()), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "idNumber"))
			.andExpect(content().string(containsString("该身份证号已在其他县登记：请联系省妇联系统管理员。")))
			.andExpect(content().string(not(containsString("龙泉镇"))))
			.andExpect(content().string(not(containsString("温春燕"))));
		assertThat(count("volunteer")).isEqualTo(before);
		assertThat(this.jdbc.queryForObject(refusals, Long.class)).isEqualTo(refusedBefore + 1);
		page(form("另一人", "idNumber", idNumber, "birthDate", IdNumbers.birthDate(idNumber).toString(), "federationCode",
				"140927100"), SHENCHI_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该身份证号已在“龙泉镇”登记")));
	}

	@Test
	void aVolunteerOutsideTheSubtreeIsNotFoundOnEveryRoute() throws Exception {
		long id = register(SHENCHI_STAFF, "岳桂兰", TestIdNumbers.woman("140927"), "140927100", "MOTHER");
		long reserve = register(SHENCHI_STAFF, "岳慧芳", TestIdNumbers.woman("140927"), "140927100", "RESERVE");
		page(post("/volunteers/" + reserve + "/mothers").with(csrf()).param("motherId", String.valueOf(id)),
				SHENCHI_STAFF)
			.andExpect(status().is3xxRedirection());
		long version = this.jdbc.queryForObject("select version from volunteer where id = ?", Long.class, id);
		for (String path : List.of("/volunteers/" + id, "/volunteers/" + id + "/edit")) {
			page(get(path), LOUFAN_STAFF).andExpect(status().isNotFound());
		}
		List<MockHttpServletRequestBuilder> posts = List.of(
				postForm("/volunteers/" + id + "/edit", "改名", TestIdNumbers.woman("140123"), "version",
						String.valueOf(version), "federationCode", "140123101"),
				post("/volunteers/" + id + "/status").with(csrf()).param("to", "WITHDRAWN").param("note", "x"),
				post("/volunteers/" + id + "/status").with(csrf()).param("to", "SCREENED"),
				post("/volunteers/" + id + "/trainings").with(csrf())
					.param("trainingDate", "2025-01-01")
					.param("topic", "x")
					.param("hours", "2")
					.param("trainer", "x"),
				post("/volunteers/" + id + "/trainings").with(csrf()),
				post("/volunteers/" + reserve + "/mothers").with(csrf()).param("motherId", String.valueOf(id)),
				post("/volunteers/" + reserve + "/mothers/" + id + "/remove").with(csrf()),
				post("/volunteers/" + id + "/reveal").with(csrf()).param("field", "idNumber"),
				post("/volunteers/" + id + "/reveal").with(csrf()).param("field", "phone"));
		for (MockHttpServletRequestBuilder request : posts) {
			page(request, LOUFAN_STAFF).andExpect(status().isNotFound());
		}
		page(get("/volunteers"), LOUFAN_STAFF).andExpect(content().string(not(containsString("岳桂兰"))));
		page(get("/volunteers").param("federationCode", "140927"), LOUFAN_STAFF)
			.andExpect(content().string(not(containsString("岳桂兰"))));
		assertThat(this.jdbc.queryForObject("select name || status from volunteer where id = ?", String.class, id))
			.isEqualTo("岳桂兰APPLIED");
		assertThat(count("volunteer_backing where mother_id = " + id)).isEqualTo(1);
		assertThat(audit(id, "REVEAL")).isZero();
	}

	@Test
	void revealsAreAuditedAndOnlyForStaffAndAdministrators() throws Exception {
		String idNumber = TestIdNumbers.woman("140927");
		long id = register(SHENCHI_STAFF, "侯丽娟", idNumber, "140927100", "MOTHER");
		page(post("/volunteers/" + id + "/reveal").with(csrf()).param("field", "idNumber"), SHENCHI_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(idNumber)))
			.andExpect(content().string(not(containsString(PHONE))));
		page(post("/volunteers/" + id + "/reveal").with(csrf()).param("field", "phone"), ADMIN)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(PHONE)))
			.andExpect(content().string(not(containsString(idNumber))));
		assertThat(audit(id, "REVEAL")).isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where record_id = ? and action = 'REVEAL' and actor_username = ?",
				Long.class, id, SHENCHI_STAFF))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where summary like ?", Long.class,
				"%" + idNumber + "%"))
			.isZero();

		page(get("/volunteers/" + id), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(post("/volunteers/" + id + "/reveal").with(csrf()).param("field", "idNumber"), XINZHOU_OFFICIAL)
			.andExpect(status().isForbidden());
		page(post("/volunteers/" + id + "/reveal").with(csrf()).param("field", "phone"), XINZHOU_OFFICIAL)
			.andExpect(status().isForbidden());
		assertThat(audit(id, "REVEAL")).isEqualTo(2);
	}

	@Test
	void officialsAndMothersCannotOpenTheRegisterAndNobodyPostsWithoutAToken() throws Exception {
		page(get("/volunteers"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(get("/volunteers/export"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(get("/volunteers/new"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(get("/volunteers"), LOUFAN_MOTHER).andExpect(status().isForbidden());
		long before = count("volunteer");
		this.mvc
			.perform(form("无令牌", "idNumber", TestIdNumbers.woman("140123")).with(this.users.as(LOUFAN_STAFF))
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		page(form("领导", "idNumber", TestIdNumbers.woman("140927"), "federationCode", "140927100"), XINZHOU_OFFICIAL)
			.andExpect(status().isForbidden());
		assertThat(count("volunteer")).isEqualTo(before);
	}

	@Test
	void aStaleVersionShowsTheCurrentValuesAndOverwritesNothing() throws Exception {
		long id = register(LOUFAN_STAFF, "乔翠萍", TestIdNumbers.woman("140123"), "140123101", "MOTHER");
		long version = this.jdbc.queryForObject("select version from volunteer where id = ?", Long.class, id);
		page(edit(id, "乔翠萍", version, "workUnit", "静游镇中心小学"), LOUFAN_STAFF).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "volunteer.updated"));
		page(edit(id, "旧名字", version, "workUnit", "旧单位"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("有人修改了这条记录")))
			.andExpect(content().string(containsString("静游镇中心小学")))
			.andExpect(content().string(containsString("乔翠萍")));
		assertThat(this.jdbc.queryForObject("select name || work_unit from volunteer where id = ?", String.class, id))
			.isEqualTo("乔翠萍静游镇中心小学");
		assertThat(audit(id, "UPDATE")).isEqualTo(1);
	}

	@Test
	void editsKeepStoredNumbersAndCheckThemAgainstTheDateOfBirth() throws Exception {
		String idNumber = TestIdNumbers.woman("140123");
		long id = register(LOUFAN_STAFF, "韩淑珍", idNumber, "140123101", "MOTHER");
		long version = this.jdbc.queryForObject("select version from volunteer where id = ?", Long.class, id);
		page(edit(id, "韩淑珍", version, "birthDate", "1970-02-02"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "birthDate"))
			.andExpect(content().string(containsString("出生日期与身份证号不一致")));
		page(edit(id, "韩淑珍", version, "phone", "13800001111"), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select phone from volunteer where id = ?", String.class, id))
			.isEqualTo("13800001111");
		assertThat(this.jdbc.queryForObject("select id_number_masked from volunteer where id = ?", String.class, id))
			.isEqualTo(Masking.idNumber(idNumber));
	}

	@Test
	void aVolunteerGoesThroughHerLifecycleStepByStep() throws Exception {
		long id = register(LOUFAN_STAFF, "梁玉兰", TestIdNumbers.woman("140123"), "140123102", "MOTHER");
		String base = "/volunteers/" + id;
		expectStepError(id,
				post(base + "/status").param("to", "SCREENED")
					.param("interviewDone", "true")
					.param("referencesChecked", "true"),
				"noCriminalRecord", "审核须完成此项");
		expectStepError(id, post(base + "/status").param("to", "ACTIVE"), "to", "当前状态下不能办理这一步");
		step(base, "to", "SCREENED", "interviewDone", "true", "referencesChecked", "true", "noCriminalRecord", "true");
		expectStepError(id, post(base + "/status").param("to", "TRAINED"), "to", "须达到 2 小时");
		long trainings = count("volunteer_training");
		expectTrainingError(base, "trainingDate", LocalDate.now().plusDays(1).toString(), "日期不能晚于今天");
		expectTrainingError(base, "hours", "0.2", "学时须在 0.5 到 24 小时之间");
		expectTrainingError(base, "hours", "25", "学时须在 0.5 到 24 小时之间");
		expectTrainingError(base, "hours", "1.25", "学时须在 0.5 到 24 小时之间");
		expectTrainingError(base, "topic", "心理\u0007", "不能包含控制字符");
		expectTrainingError(base, "trainer", "", "必填");
		assertThat(count("volunteer_training")).isEqualTo(trainings);
		training(base, "1.5");
		expectStepError(id, post(base + "/status").param("to", "TRAINED"), "to", "累计 1.5 小时");
		training(base, "0.5");
		page(get(base), LOUFAN_STAFF).andExpect(content().string(containsString("累计 2 小时（要求 2 小时）")));
		step(base, "to", "TRAINED");
		expectStepError(id,
				post(base + "/status").param("to", "ACTIVE").param("oathDate", LocalDate.now().plusDays(1).toString()),
				"oathDate", "宣誓日期不能晚于今天");
		expectStepError(id, post(base + "/status").param("to", "ACTIVE"), "oathDate", "请填写宣誓日期");
		step(base, "to", "ACTIVE", "oathDate", LocalDate.now().toString());
		expectStepError(id, post(base + "/status").param("to", "SUSPENDED").param("note", " "), "note", "须填写原因");
		expectStepError(id, post(base + "/status").param("to", "SUSPENDED").param("note", "x\u0007"), "note",
				"不能包含控制字符");
		step(base, "to", "SUSPENDED", "note", "外出务工三个月");
		step(base, "to", "ACTIVE", "note", "返乡");
		step(base, "to", "WITHDRAWN", "note", "随子女迁居");
		assertThat(this.jdbc.queryForObject("select status from volunteer where id = ?", String.class, id))
			.isEqualTo("WITHDRAWN");
		assertThat(this.jdbc.queryForList(
				"select coalesce(from_status, '-') || '>' || to_status from volunteer_status_change where volunteer_id = ? order by changed_at, id",
				String.class, id))
			.containsExactly("->APPLIED", "APPLIED>SCREENED", "SCREENED>TRAINED", "TRAINED>ACTIVE", "ACTIVE>SUSPENDED",
					"SUSPENDED>ACTIVE", "ACTIVE>WITHDRAWN");
		assertThat(audit(id, "STATUS")).isEqualTo(6);
		assertThat(this.events.stream(VolunteerStatusChanged.class).filter(event -> event.volunteerId() == id))
			.containsExactly(new VolunteerStatusChanged(id, VolunteerStatus.APPLIED, VolunteerStatus.SCREENED),
					new VolunteerStatusChanged(id, VolunteerStatus.SCREENED, VolunteerStatus.TRAINED),
					new VolunteerStatusChanged(id, VolunteerStatus.TRAINED, VolunteerStatus.ACTIVE),
					new VolunteerStatusChanged(id, VolunteerStatus.ACTIVE, VolunteerStatus.SUSPENDED),
					new VolunteerStatusChanged(id, VolunteerStatus.SUSPENDED, VolunteerStatus.ACTIVE),
					new VolunteerStatusChanged(id, VolunteerStatus.ACTIVE, VolunteerStatus.WITHDRAWN));
		page(get(base), LOUFAN_STAFF).andExpect(content().string(containsString("随子女迁居")))
			.andExpect(content().string(containsString("胡春燕")))
			.andExpect(content().string(not(containsString("id=\"lifecycle\""))));
		expectStepError(id, post(base + "/status").param("to", "ACTIVE"), "to", "当前状态下不能办理这一步");
	}

	@Test
	void aMotherHasAtMostThreeReserves() throws Exception {
		long mother = register(LOUFAN_STAFF, "秦秀英", TestIdNumbers.woman("140123"), "140123101", "MOTHER");
		List<Long> reserves = new ArrayList<>();
		for (String name : List.of("秦老师", "秦医生", "秦律师", "秦社工")) {
			reserves.add(register(LOUFAN_STAFF, name, TestIdNumbers.woman("140123"), "140123102", "RESERVE"));
		}
		for (int i = 0; i < 3; i++) {
			page(post("/volunteers/" + reserves.get(i) + "/mothers").with(csrf())
				.param("motherId", String.valueOf(mother)), LOUFAN_STAFF).andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("flashSuccess", "volunteer.backing.added"));
		}
		page(post("/volunteers/" + reserves.get(3) + "/mothers").with(csrf()).param("motherId", String.valueOf(mother)),
				LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("backingForm", "motherId"))
			.andExpect(content().string(containsString("“秦秀英”已有 3 名预备志愿者")));
		page(post("/volunteers/" + mother + "/mothers").with(csrf()).param("motherId", String.valueOf(mother)),
				LOUFAN_STAFF)
			.andExpect(model().attributeHasFieldErrors("backingForm", "motherId"));
		assertThat(count("volunteer_backing where mother_id = " + mother)).isEqualTo(3);
		page(get("/volunteers/" + mother), LOUFAN_STAFF).andExpect(content().string(containsString("秦老师")))
			.andExpect(content().string(containsString("秦医生")))
			.andExpect(content().string(containsString("秦律师")))
			.andExpect(content().string(not(containsString("秦社工"))));
		page(get("/volunteers/" + reserves.get(0)), LOUFAN_STAFF).andExpect(content().string(containsString("秦秀英")));
		page(post("/volunteers/" + reserves.get(0) + "/mothers/" + mother + "/remove").with(csrf()), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		page(post("/volunteers/" + reserves.get(3) + "/mothers").with(csrf()).param("motherId", String.valueOf(mother)),
				LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(count("volunteer_backing where mother_id = " + mother)).isEqualTo(3);
	}

	@Test
	void theListSearchesFiltersSortsAndCountsWithinTheScope() throws Exception {
		long id = register(LOUFAN_STAFF, "程美玲", TestIdNumbers.woman("140123"), "140123101", "RESERVE", "skills",
				"LAWYER", "phone", "13344445555");
		page(get("/volunteers").param("q", "13344445555"), LOUFAN_STAFF)
			.andExpect(content().string(containsString("程美玲")))
			.andExpect(content().string(containsString("133****5555")));
		page(get("/volunteers").param("q", "1334444"), LOUFAN_STAFF)
			.andExpect(content().string(not(containsString("程美玲"))));
		page(get("/volunteers").param("skill", "LAWYER").param("role", "RESERVE").param("federationCode", "140123101"),
				LOUFAN_STAFF)
			.andExpect(content().string(containsString("程美玲")));
		page(get("/volunteers").param("role", "MOTHER"), LOUFAN_STAFF)
			.andExpect(content().string(not(containsString("程美玲"))));
		page(get("/volunteers").param("status", "ACTIVE").param("q", "程美玲"), LOUFAN_STAFF)
			.andExpect(content().string(not(containsString(">程美玲<"))))
			.andExpect(content().string(containsString("已报名 1")));
		for (String sort : List.of("name", "status", "registered")) {
			page(get("/volunteers").param("sort", sort).param("dir", "desc"), LOUFAN_STAFF).andExpect(status().isOk());
		}
		String pattern = this.jdbc.queryForObject("select path || '%' from federation where code = '140123'",
				String.class);
		for (VolunteerStatus status : VolunteerStatus.values()) {
			long expected = this.jdbc.queryForObject(
					"select count(*) from volunteer v join federation f on f.id = v.federation_id where f.path like ? and v.role = 'MOTHER' and v.status = ?",
					Long.class, pattern, status.name());
			page(get("/volunteers").param("role", "MOTHER").param("status", "ACTIVE"), LOUFAN_STAFF).andExpect(content()
				.string(containsString("data-status=\"" + status + "\">" + label(status) + " " + expected + "<")));
		}
		assertThat(id).isPositive();
	}

	@Test
	void pagesHaveOneHeadingLabelledInputsAndNoMissingMessage() throws Exception {
		long mother = this.jdbc.queryForObject(
				"select v.id from volunteer v join app_user a on a.id = v.account_id where a.username = ?", Long.class,
				LOUFAN_MOTHER);
		long reserve = this.jdbc.queryForObject(
				"select min(r.id) from volunteer r join volunteer_backing b on b.reserve_id = r.id where b.mother_id = ?",
				Long.class, mother);
		for (String path : List.of("/volunteers", "/volunteers/new", "/volunteers/" + mother,
				"/volunteers/" + mother + "/edit", "/volunteers/" + reserve)) {
			String html = page(get(path), LOUFAN_STAFF).andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html.split("<h1", -1)).as(path).hasSize(2);
			assertThat(html).as(path).doesNotContain("??").doesNotContain(" style=\"");
			java.util.regex.Matcher input = java.util.regex.Pattern
				.compile("<(?:input(?![^>]*type=\"hidden\")|select|textarea)\\b[^>]*\\sid=\"([^\"]+)\"")
				.matcher(html);
			while (input.find()) {
				assertThat(html).as("label for %s on %s", input.group(1), path)
					.contains("for=\"" + input.group(1) + "\"");
			}
		}
		page(get("/volunteers/" + mother), LOUFAN_STAFF).andExpect(content().string(containsString("林秋菊")))
			.andExpect(content().string(containsString("娄烦镇")))
			.andExpect(content().string(containsString("在岗服务")));
		page(get("/volunteers/stations").param("federationCode", "140123"), LOUFAN_STAFF)
			.andExpect(content().string(containsString("娄烦县爱心妈妈工作站")));
	}

	private String label(VolunteerStatus status) {
		return switch (status) {
			case APPLIED -> "已报名";
			case SCREENED -> "已审核";
			case TRAINED -> "已培训";
			case ACTIVE -> "在岗服务";
			case SUSPENDED -> "暂停服务";
			case WITHDRAWN -> "已退出";
		};
	}

	private long register(String user, String name, String idNumber, String federationCode, String role, String... more)
			throws Exception {
		List<String> fields = new ArrayList<>(List.of("idNumber", idNumber, "federationCode", federationCode, "role",
				role, "gender", IdNumbers.male(idNumber) ? "MALE" : "FEMALE", "birthDate",
				IdNumbers.birthDate(idNumber).toString()));
		if ("RESERVE".equals(role) && !List.of(more).contains("skills")) {
			fields.addAll(List.of("skills", "PSYCHOLOGIST"));
		}
		fields.addAll(List.of(more));
		page(form(name, fields.toArray(String[]::new)), user).andExpect(status().is3xxRedirection());
		return this.jdbc.queryForObject("select max(id) from volunteer where name = ?", Long.class, name);
	}

	private MockHttpServletRequestBuilder form(String name, String... overrides) {
		String idNumber = null;
		for (int i = 0; i < overrides.length; i += 2) {
			if ("idNumber".equals(overrides[i])) {
				idNumber = overrides[i + 1];
			}
		}
		return postForm("/volunteers/new", name, idNumber, overrides);
	}

	private MockHttpServletRequestBuilder edit(long id, String name, long version, String... overrides) {
		String birthDate = this.jdbc.queryForObject("select birth_date::text from volunteer where id = ?", String.class,
				id);
		List<String> fields = new ArrayList<>(
				List.of("idNumber", "", "phone", "", "birthDate", birthDate, "version", String.valueOf(version)));
		fields.addAll(List.of(overrides));
		return postForm("/volunteers/" + id + "/edit", name, null, fields.toArray(String[]::new));
	}

	/**
	 * The form of a valid caring mother posted to the path, with some fields replaced
	 * (name, value, ...).
	 */
	private MockHttpServletRequestBuilder postForm(String path, String name, String idNumber, String... overrides) {
		Map<String, String[]> fields = new LinkedHashMap<>();
		fields.put("name", new String[] { name });
		fields.put("gender", new String[] { "FEMALE" });
		if (idNumber != null && IdNumbers.birthDate(idNumber) != null) {
			fields.put("birthDate", new String[] { IdNumbers.birthDate(idNumber).toString() });
		}
		else {
			fields.put("birthDate", new String[] { "1985-04-12" });
		}
		fields.put("phone", new String[] { PHONE });
		fields.put("federationCode", new String[] { "140123101" });
		fields.put("role", new String[] { "MOTHER" });
		fields.put("occupation", new String[] { "教师" });
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], new String[] { overrides[i + 1] });
		}
		MockHttpServletRequestBuilder request = post(path).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private void step(String base, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post(base + "/status").with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		page(request, LOUFAN_STAFF).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "volunteer.statusChanged"));
	}

	private void training(String base, String hours) throws Exception {
		page(post(base + "/trainings").with(csrf())
			.param("trainingDate", LocalDate.now().minusDays(3).toString())
			.param("topic", "儿童心理与沟通")
			.param("hours", hours)
			.param("trainer", "白老师"), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
	}

	private void expectStepError(long id, MockHttpServletRequestBuilder request, String field, String message)
			throws Exception {
		String before = this.jdbc.queryForObject("select status || version from volunteer where id = ?", String.class,
				id);
		page(request.with(csrf()), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("statusForm", field))
			.andExpect(content().string(containsString(message)));
		assertThat(this.jdbc.queryForObject("select status || version from volunteer where id = ?", String.class, id))
			.isEqualTo(before);
	}

	private void expectTrainingError(String base, String field, String value, String message) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("trainingDate", LocalDate.now().minusDays(1).toString(),
				"topic", "沟通技巧", "hours", "2", "trainer", "白老师"));
		fields.put(field, value);
		MockHttpServletRequestBuilder request = post(base + "/trainings").with(csrf());
		fields.forEach(request::param);
		page(request, LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("trainingForm", field))
			.andExpect(content().string(containsString(message)));
	}

	private void expectError(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
		page(request, LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field))
			.andExpect(content().string(containsString(message)));
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	private long audit(long id, String action) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where record_type = 'VOLUNTEER' and record_id = ? and action = ?",
				Long.class, id, action);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
