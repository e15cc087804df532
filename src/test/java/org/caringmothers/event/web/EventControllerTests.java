package org.caringmothers.event.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.volunteer.TestIdNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Events through the web: forms and their errors, scope, roles, training hours credited
 * to attending volunteers, and applicants registered at a recruitment drive.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventControllerTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

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
	void aMissingTitleAndARuleOfTheServiceAreReportedInOneRound() throws Exception {
		long before = count("event");
		String future = LocalDate.now().plusDays(10).toString();
		page(form("/events/new", "title", "", "federationCode", "140927", "eventDate", future, "attendanceCount", "5"),
				LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "title", "federationCode", "attendanceCount"))
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("此项为必填项")))
			.andExpect(content().string(containsString("您管辖范围内没有这个区划代码的妇联")))
			.andExpect(content().string(containsString("活动还没有举行，参加人数应为 0")))
			.andExpect(content().string(containsString("href=\"#federationCode\"")));
		assertThat(count("event")).isEqualTo(before);
	}

	@Test
	void badInputGivesAFieldErrorAndSavesNothing() throws Exception {
		long before = count("event");
		String future = LocalDate.now().plusDays(10).toString();
		expectError(form("/events/new", "title", ""), "title", "此项为必填项");
		expectError(form("/events/new", "title", "培".repeat(101)), "title", "长度不能超过 100 个字符");
		expectError(form("/events/new", "title", "培训\u001b"), "title", "不能包含控制字符");
		expectError(form("/events/new", "place", "县妇联\u0008"), "place", "不能包含控制字符");
		expectError(form("/events/new", "type", ""), "type", "此项为必填项");
		expectError(form("/events/new", "eventDate", ""), "eventDate", "此项为必填项");
		expectError(form("/events/new", "eventDate", "2025-13-45"), "eventDate", "请填写正确的日期");
		expectError(form("/events/new", "federationCode", "140927"), "federationCode", "您管辖范围内没有");
		expectError(form("/events/new", "federationCode", ""), "federationCode", "此项为必填项");
		expectError(form("/events/new", "hours", ""), "hours", "培训须填写学时");
		expectError(form("/events/new", "hours", "30"), "hours", "学时须在 0.5 到 24 小时之间");
		expectError(form("/events/new", "hours", "0.2"), "hours", "学时须在 0.5 到 24 小时之间");
		expectError(form("/events/new", "trainer", " "), "trainer", "培训须填写授课人");
		expectError(form("/events/new", "trainer", "x\u0000y"), "trainer", "不能包含控制字符");
		expectError(form("/events/new", "attendanceCount", "-1"), "attendanceCount", "不能小于 0");
		expectError(form("/events/new", "eventDate", future, "attendanceCount", "5"), "attendanceCount", "活动还没有举行");
		assertThat(count("event")).isEqualTo(before);

		long id = createTraining("培训表单错误", LocalDate.now().minusDays(1), "2");
		long version = this.jdbc.queryForObject("select version from event where id = ?", Long.class, id);
		expectError(form("/events/" + id + "/edit", "title", "", "version", String.valueOf(version)), "title",
				"此项为必填项");
		expectError(form("/events/" + id + "/edit", "hours", "25", "version", String.valueOf(version)), "hours",
				"学时须在 0.5 到 24 小时之间");
		long mother = activeMother("140123");
		page(post("/events/" + id + "/attendees").with(csrf()).param("volunteerId", String.valueOf(mother)),
				LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		version = this.jdbc.queryForObject("select version from event where id = ?", Long.class, id);
		expectError(form("/events/" + id + "/edit", "attendanceCount", "0", "version", String.valueOf(version)),
				"attendanceCount", "不能少于已登记的 1 名志愿者");
		expectError(form("/events/" + id + "/edit", "type", "LECTURE", "version", String.valueOf(version)), "type",
				"不能更改类型");
		expectError(form("/events/" + id + "/edit", "eventDate", LocalDate.now().plusDays(3).toString(), "version",
				String.valueOf(version)), "eventDate", "日期不能晚于今天");
		page(form("/events/" + id + "/edit", "title", "改过的标题", "version", String.valueOf(version - 1)), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有人修改了这条记录")))
			.andExpect(content().string(containsString("培训表单错误")));
		assertThat(this.jdbc.queryForObject("select title || type from event where id = ?", String.class, id))
			.isEqualTo("培训表单错误TRAINING");

		page(post("/events/" + id + "/attendees").with(csrf()), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("attendeeForm", "volunteerId"));
		long recruitment = create("RECRUITMENT", "招募表单错误", LocalDate.now(), null);
		long volunteers = count("volunteer");
		String idNumber = TestIdNumbers.woman("140123");
		String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
		expectRecruitError(recruitment, "name", "", idNumber, "此项为必填项");
		expectRecruitError(recruitment, "name", "王\u0007", idNumber, "不能包含控制字符");
		expectRecruitError(recruitment, "idNumber", wrongCheck, wrongCheck, "校验位不正确");
		expectRecruitError(recruitment, "phone", "1391234", idNumber, "请输入 11 位手机号码");
		expectRecruitError(recruitment, "federationCode", "140927100", idNumber, "您管辖范围内没有");
		page(recruit(id, "培训不招募", TestIdNumbers.woman("140123")), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("只有招募活动才能登记报名人员")));
		assertThat(count("volunteer")).isEqualTo(volunteers);
		assertThat(count("event_recruit where event_id in (" + id + ", " + recruitment + ")")).isZero();
	}

	@Test
	void anEventOutsideTheSubtreeIsNotFoundOnEveryRoute() throws Exception {
		long id = create(SHENCHI_STAFF, "TRAINING", "神池县培训", LocalDate.now().minusDays(2), "140927", "3");
		long recruitment = create(SHENCHI_STAFF, "RECRUITMENT", "神池县招募", LocalDate.now().minusDays(2), "140927", null);
		long mother = activeMother("140927");
		page(post("/events/" + id + "/attendees").with(csrf()).param("volunteerId", String.valueOf(mother)),
				SHENCHI_STAFF)
			.andExpect(status().is3xxRedirection());
		long loufanMother = activeMother("140123");
		for (long event : List.of(id, recruitment)) {
			for (String path : List.of("/events/" + event, "/events/" + event + "/edit", "/events/" + event + "?q=王")) {
				page(get(path), LOUFAN_STAFF).andExpect(status().isNotFound());
			}
			List<MockHttpServletRequestBuilder> posts = List.of(
					form("/events/" + event + "/edit", "federationCode", "140123", "version", "0"),
					post("/events/" + event + "/attendees").with(csrf())
						.param("volunteerId", String.valueOf(loufanMother)),
					post("/events/" + event + "/attendees").with(csrf()),
					post("/events/" + event + "/attendees/" + mother + "/remove").with(csrf()),
					recruit(event, "越界报名", TestIdNumbers.woman("140123")));
			for (MockHttpServletRequestBuilder request : posts) {
				page(request, LOUFAN_STAFF).andExpect(status().isNotFound());
			}
		}
		page(get("/events"), LOUFAN_STAFF).andExpect(content().string(not(containsString("神池县培训"))));
		page(get("/events").param("federationCode", "140927"), LOUFAN_STAFF)
			.andExpect(content().string(not(containsString("神池县培训"))));
		page(get("/events").param("federationCode", "140927"), SHENCHI_STAFF)
			.andExpect(content().string(containsString("神池县培训")));
		assertThat(this.jdbc.queryForObject("select title from event where id = ?", String.class, id))
			.isEqualTo("神池县培训");
		assertThat(count("event_attendee where event_id = " + id)).isEqualTo(1);
		assertThat(count("event_recruit where event_id = " + recruitment)).isZero();
	}

	@Test
	void officialsReadEventsButCannotChangeThem() throws Exception {
		long id = create(SHENCHI_STAFF, "RECRUITMENT", "忻州官员只读", LocalDate.now().minusDays(1), "140927", null);
		page(get("/events"), XINZHOU_OFFICIAL).andExpect(status().isOk())
			.andExpect(content().string(containsString("忻州官员只读")))
			.andExpect(content().string(not(containsString("id=\"new-event\""))));
		page(get("/events/" + id), XINZHOU_OFFICIAL).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("recruit-form"))));
		page(get("/events/new"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(get("/events/" + id + "/edit"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		long mother = activeMother("140927");
		for (MockHttpServletRequestBuilder request : List.of(
				form("/events/new", "federationCode", "140927", "title", "官员新建"),
				form("/events/" + id + "/edit", "federationCode", "140927", "version", "0"),
				post("/events/" + id + "/attendees").with(csrf()).param("volunteerId", String.valueOf(mother)),
				post("/events/" + id + "/attendees/" + mother + "/remove").with(csrf()),
				recruit(id, "官员报名", TestIdNumbers.woman("140927")))) {
			page(request, XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		}
		page(get("/events"), DemoUsers.LOUFAN_MOTHER).andExpect(status().isForbidden());
		assertThat(count("event where title = '官员新建'")).isZero();
		assertThat(count("event_attendee where event_id = " + id)).isZero();
	}

	@Test
	void severalVolunteersTickedInTheSearchAreListedAtOnceAllOrNone() throws Exception {
		long id = createTraining("批量登记培训" + SEQUENCE.incrementAndGet(), LocalDate.now().minusDays(1), "2");
		List<Long> mothers = this.jdbc.queryForList("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.role = 'MOTHER' and v.status = 'ACTIVE' and v.account_id is null
				  and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from event_attendee a where a.volunteer_id = v.id)
				order by v.id desc limit 3""", Long.class);
		String name = this.jdbc.queryForObject("select name from volunteer where id = ?", String.class, mothers.get(0));
		page(get("/events/" + id).param("q", name), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"volunteerIds\" value=\"" + mothers.get(0) + "\"")))
			.andExpect(content().string(containsString("id=\"add-ticked\"")));

		long withdrawn = this.jdbc.queryForObject(
				"""
						select min(v.id) from volunteer v join federation f on f.id = v.federation_id where v.status = 'WITHDRAWN'
						  and f.path like (select path || '%' from federation where code = '140123')""",
				Long.class);
		page(post("/events/" + id + "/attendees/many").with(csrf())
			.param("volunteerIds", String.valueOf(mothers.get(0)), String.valueOf(withdrawn)), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "event.attendee.withdrawn"));
		assertThat(count("event_attendee where event_id = " + id)).as("all or none").isZero();

		page(post("/events/" + id + "/attendees/many").with(csrf()), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashError", "event.attendees.noneChosen"));

		page(post("/events/" + id + "/attendees/many").with(csrf())
			.param("volunteerIds", mothers.stream().map(String::valueOf).toArray(String[]::new)), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "event.attendees.added"));
		assertThat(count("event_attendee where event_id = " + id)).isEqualTo(3);
		assertThat(count("volunteer_training where event_id = " + id)).isEqualTo(3);

		long outside = activeMother("140927");
		page(post("/events/" + id + "/attendees/many").with(csrf()).param("volunteerIds", String.valueOf(outside)),
				LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		assertThat(count("event_attendee where event_id = " + id)).isEqualTo(3);
	}

	@Test
	void anAttendingVolunteerIsCreditedWithTheTrainingHoursOnceUntilRemoved() throws Exception {
		long id = createTraining("防溺水安全培训" + SEQUENCE.incrementAndGet(), LocalDate.now().minusDays(1), "2.5");
		long mother = activeMother("140123");
		BigDecimal before = hours(mother);
		String name = this.jdbc.queryForObject("select name from volunteer where id = ?", String.class, mother);
		page(get("/events/" + id).param("q", name), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-volunteer=\"" + mother + "\"")));
		addAttendee(id, mother).andExpect(status().is3xxRedirection());
		assertThat(hours(mother)).isEqualByComparingTo(before.add(new BigDecimal("2.5")));
		page(get("/volunteers/" + mother), LOUFAN_STAFF)
			.andExpect(content().string(containsString("防溺水安全培训" + SEQUENCE.get())));
		page(get("/events/" + id), LOUFAN_STAFF).andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("参加的志愿者（1 名）")));

		addAttendee(id, mother).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("attendeeForm", "volunteerId"))
			.andExpect(content().string(containsString("已经登记参加这次活动")));
		assertThat(hours(mother)).isEqualByComparingTo(before.add(new BigDecimal("2.5")));
		assertThat(count("volunteer_training where event_id = " + id)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select attendance_count from event where id = ?", Integer.class, id))
			.isEqualTo(1);

		long version = this.jdbc.queryForObject("select version from event where id = ?", Long.class, id);
		page(form("/events/" + id + "/edit", "title", "防溺水安全培训（改）", "hours", "3", "attendanceCount", "12", "version",
				String.valueOf(version)), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(hours(mother)).isEqualByComparingTo(before.add(new BigDecimal("3")));

		page(post("/events/" + id + "/attendees/" + mother + "/remove").with(csrf()), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(hours(mother)).isEqualByComparingTo(before);
		assertThat(count("volunteer_training where event_id = " + id)).isZero();
		assertThat(count("event_attendee where event_id = " + id)).isZero();
	}

	@Test
	void attendanceWaitsUntilTheEventHasTakenPlace() throws Exception {
		long id = create(LOUFAN_STAFF, "TRAINING", "下月培训", LocalDate.now().plusDays(20), "140123", "2");
		long mother = activeMother("140123");
		BigDecimal before = hours(mother);
		addAttendee(id, mother).andExpect(status().isOk())
			.andExpect(content().string(containsString("活动举行当天或之后才能登记参加人员")));
		assertThat(hours(mother)).isEqualByComparingTo(before);
		assertThat(count("event_attendee where event_id = " + id)).isZero();
	}

	@Test
	void aRecruitmentDriveRegistersAnApplicant() throws Exception {
		long id = create("RECRUITMENT", "娄烦镇春季招募" + SEQUENCE.incrementAndGet(), LocalDate.now(), null);
		String name = "招募报名" + SEQUENCE.get();
		page(recruit(id, name, TestIdNumbers.woman("140123")), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		long volunteer = this.jdbc.queryForObject("select id from volunteer where name = ?", Long.class, name);
		assertThat(
				this.jdbc.queryForObject("select status || role from volunteer where id = ?", String.class, volunteer))
			.isEqualTo("APPLIEDMOTHER");
		assertThat(count("event_recruit where event_id = " + id + " and volunteer_id = " + volunteer)).isEqualTo(1);
		page(get("/volunteers").param("q", name).param("status", "APPLIED"), LOUFAN_STAFF)
			.andExpect(content().string(containsString(name)));
		page(get("/events/" + id), LOUFAN_STAFF).andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("已报名")));
	}

	@Test
	void theListFiltersByTypeFederationAndDatesAndCountsByType() throws Exception {
		create(LOUFAN_STAFF, "LECTURE", "家庭教育讲座筛选", LocalDate.of(2025, 3, 3), "140123101", null);
		create(LOUFAN_STAFF, "PROGRESS_MEETING", "推进会筛选", LocalDate.of(2025, 3, 5), "140123", null);
		page(get("/events").param("type", "LECTURE").param("from", "2025-03-01").param("to", "2025-03-31"),
				LOUFAN_STAFF)
			.andExpect(content().string(containsString("家庭教育讲座筛选")))
			.andExpect(content().string(not(containsString("推进会筛选"))))
			.andExpect(content().string(containsString("推进会（")));
		page(get("/events").param("federationCode", "140123101").param("from", "2025-03-01"), LOUFAN_STAFF)
			.andExpect(content().string(containsString("家庭教育讲座筛选")))
			.andExpect(content().string(not(containsString("推进会筛选"))));
		page(get("/events").param("to", "2025-03-04").param("from", "2025-03-01"), LOUFAN_STAFF)
			.andExpect(content().string(containsString("家庭教育讲座筛选")))
			.andExpect(content().string(not(containsString("推进会筛选"))));
	}

	private ResultActions addAttendee(long id, long volunteer) throws Exception {
		return page(post("/events/" + id + "/attendees").with(csrf()).param("volunteerId", String.valueOf(volunteer)),
				LOUFAN_STAFF);
	}

	private void expectRecruitError(long id, String field, String value, String idNumber, String message)
			throws Exception {
		page(recruit(id, "王秀英", idNumber, field, value), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("recruitForm", field))
			.andExpect(content().string(containsString(message)));
	}

	/**
	 * The registration of an applicant at a drive, with some fields replaced (name,
	 * value, ...).
	 */
	private static MockHttpServletRequestBuilder recruit(long id, String name, String idNumber, String... overrides) {
		LocalDate birth = IdNumbers.birthDate(idNumber);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("gender", "FEMALE");
		fields.put("birthDate", birth == null ? "1985-04-12" : birth.toString());
		fields.put("idNumber", idNumber);
		fields.put("phone", "13912345678");
		fields.put("federationCode", idNumber.startsWith("140927") ? "140927100" : "140123101");
		fields.put("role", "MOTHER");
		fields.put("occupation", "教师");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/events/" + id + "/recruits").with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private long createTraining(String title, LocalDate date, String hours) throws Exception {
		return create(LOUFAN_STAFF, "TRAINING", title, date, "140123", hours);
	}

	private long create(String type, String title, LocalDate date, String hours) throws Exception {
		return create(LOUFAN_STAFF, type, title, date, "140123", hours);
	}

	private long create(String user, String type, String title, LocalDate date, String federationCode, String hours)
			throws Exception {
		MockHttpServletRequestBuilder request = form("/events/new", "type", type, "title", title, "eventDate",
				date.toString(), "federationCode", federationCode, "hours", hours == null ? "" : hours, "trainer",
				hours == null ? "" : "县妇联讲师", "attendanceCount", "0");
		page(request, user).andExpect(status().is3xxRedirection());
		return this.jdbc.queryForObject("select max(id) from event where title = ?", Long.class, title);
	}

	/**
	 * A valid training form posted to the path, with some fields replaced (name, value,
	 * ...).
	 */
	private static MockHttpServletRequestBuilder form(String path, String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", "TRAINING");
		fields.put("title", "爱心妈妈沟通技巧培训");
		fields.put("eventDate", LocalDate.now().minusDays(5).toString());
		fields.put("federationCode", "140123");
		fields.put("place", "县妇联会议室");
		fields.put("attendanceCount", "0");
		fields.put("hours", "2");
		fields.put("trainer", "白老师");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
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

	/** An active caring mother of the county, not yet listed at any event. */
	private long activeMother(String countyCode) {
		return this.jdbc.queryForObject("""
				select min(v.id) from volunteer v join federation f on f.id = v.federation_id
				where v.role = 'MOTHER' and v.status = 'ACTIVE' and v.account_id is null
				  and f.path like (select path || '%' from federation where code = ?)
				  and not exists (select 1 from event_attendee a where a.volunteer_id = v.id)""", Long.class,
				countyCode);
	}

	private BigDecimal hours(long volunteer) {
		return this.jdbc.queryForObject("select coalesce(sum(hours), 0) from volunteer_training where volunteer_id = ?",
				BigDecimal.class, volunteer);
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
