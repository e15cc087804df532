package org.caringmothers.need.web;

import java.time.LocalDate;
import java.util.UUID;

import org.caringmothers.common.DemoUsers;
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

/** 急难愁盼 through the web: raising, following up, referring, and mandatory reporting. */
@SpringBootTest
@AutoConfigureMockMvc
class NeedControllerTests {

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
	void staffRaiseANeedAndFollowItUpToAReferral() throws Exception {
		long child = child("140123");
		long before = needs();
		page(post("/needs/new").with(csrf()).param("child", String.valueOf(child)).param("category", "STUDY"),
				LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "urgency", "description"));
		page(raise(child, "STUDY", "MEDIUM", "x\u0007"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("不能包含控制字符")));
		assertThat(needs()).isEqualTo(before);
		page(raise(child, "STUDY", "MEDIUM", "数学跟不上，需要辅导老师"), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		long need = this.jdbc.queryForObject("select max(id) from need where child_id = ?", Long.class, child);
		page(post("/needs/" + need + "/steps").with(csrf()).param("to", "IN_PROGRESS").param("note", "联系学校"),
				LOUFAN_STAFF)
			.andExpect(flash().attribute("flashSuccess", "need.moved"));
		page(post("/needs/" + need + "/steps").with(csrf()).param("to", "REFERRED").param("note", "转教育局"), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashError", "need.department.required"));
		page(post("/needs/" + need + "/steps").with(csrf())
			.param("to", "REFERRED")
			.param("department", "EDUCATION")
			.param("note", "转县教育局安排辅导"), LOUFAN_STAFF).andExpect(flash().attribute("flashSuccess", "need.moved"));
		assertThat(this.jdbc.queryForObject("select status || ' ' || referred_to from need where id = ?", String.class,
				need))
			.isEqualTo("REFERRED EDUCATION");
		assertThat(this.jdbc.queryForObject("select count(*) from need_step where need_id = ?", Long.class, need))
			.isEqualTo(3);
		page(get("/needs/" + need), LOUFAN_STAFF).andExpect(content().string(containsString("转县教育局安排辅导")))
			.andExpect(content().string(containsString("胡春燕")));
		page(get("/needs/" + need), SHENCHI_STAFF).andExpect(status().isNotFound());
		page(post("/needs/" + need + "/steps").with(csrf()).param("to", "RESOLVED").param("note", "x"), SHENCHI_STAFF)
			.andExpect(status().isNotFound());
		page(post("/needs/" + need + "/steps").with(csrf()).param("to", "RESOLVED").param("note", "x"),
				XINZHOU_OFFICIAL)
			.andExpect(status().isForbidden());
	}

	@Test
	void aWorryingSafetyConcernFromAMotherStaysAtTheTopUntilTheActionIsRecorded() throws Exception {
		long pairing = this.jdbc.queryForObject("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join app_user a on a.id = v.account_id where a.username = 'loufan.mother' and p.end_date is null""",
				Long.class);
		page(post("/my/pairings/" + pairing + "/visits").with(csrf())
			.param("visitDate", LocalDate.now().toString())
			.param("mode", "HOME_VISIT")
			.param("durationMinutes", "30")
			.param("careTypes", "SAFETY")
			.param("childMood", "WORRYING")
			.param("needCategory", "SAFETY")
			.param("needUrgency", "MEDIUM")
			.param("needDescription", "孩子身上有伤，说是被打的")
			.param("clientToken", UUID.randomUUID().toString()), LOUFAN_MOTHER).andExpect(status().is3xxRedirection());
		long need = this.jdbc.queryForObject("select max(id) from need where description = '孩子身上有伤，说是被打的'", Long.class);
		assertThat(this.jdbc.queryForObject("select mandatory_report from need where id = ?", Boolean.class, need))
			.isTrue();
		page(get("/"), LOUFAN_STAFF).andExpect(content().string(containsString("mandatory-reports")))
			.andExpect(content().string(containsString("孩子身上有伤")));
		page(get("/"), SHENCHI_STAFF).andExpect(content().string(not(containsString("孩子身上有伤"))));
		page(post("/needs/" + need + "/report").with(csrf()).param("action", " "), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashError", "need.report.actionRequired"));
		page(post("/needs/" + need + "/report").with(csrf()).param("action", "已向派出所报告并联系监护人"), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashSuccess", "need.report.recorded"));
		page(get("/"), LOUFAN_STAFF).andExpect(content().string(not(containsString("孩子身上有伤"))));
	}

	@Test
	void aMotherMustDescribeTheNeedSheRaises() throws Exception {
		long pairing = this.jdbc.queryForObject("""
				select max(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join app_user a on a.id = v.account_id where a.username = 'loufan.mother' and p.end_date is null""",
				Long.class);
		long before = needs();
		page(post("/my/pairings/" + pairing + "/visits").with(csrf())
			.param("visitDate", LocalDate.now().toString())
			.param("mode", "PHONE")
			.param("durationMinutes", "10")
			.param("careTypes", "COMFORT")
			.param("childMood", "GOOD")
			.param("needCategory", "LIVING")
			.param("clientToken", UUID.randomUUID().toString()), LOUFAN_MOTHER).andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择类别并写明具体情况")));
		assertThat(needs()).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder raise(long child, String category, String urgency, String description) {
		return post("/needs/new").with(csrf())
			.param("child", String.valueOf(child))
			.param("category", category)
			.param("urgency", urgency)
			.param("description", description);
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	private long child(String county) {
		return this.jdbc.queryForObject("""
				select min(c.id) from child c join federation f on f.id = c.federation_id
				where f.path like (select path || '%' from federation where code = ?)""", Long.class, county);
	}

	private long needs() {
		return this.jdbc.queryForObject("select count(*) from need", Long.class);
	}

}
