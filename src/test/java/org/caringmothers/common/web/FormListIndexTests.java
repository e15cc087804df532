package org.caringmothers.common.web;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every form with a list (guardians, gifts, target lines) answers a list index beyond the
 * binder's limit with the application's own 400 page in the user's language, and saves
 * nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormListIndexTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aChildWithGuardian256IsRefusedWithAMessage() throws Exception {
		long before = count("child");
		refused(post("/children/new").param("name", "小华")
			.param("guardians[0].name", "王芳")
			.param("guardians[256].name", "李四"), DemoUsers.LOUFAN_STAFF, "第 256 条");
		assertThat(count("child")).isEqualTo(before);
	}

	@Test
	void aContactWithGift5000IsRefusedWithAMessage() throws Exception {
		long pairing = this.jdbc.queryForObject("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join app_user a on a.id = v.account_id where a.username = 'loufan.mother' and p.end_date is null""",
				Long.class);
		long before = count("visit");
		refused(post("/my/pairings/" + pairing + "/visits").param("gifts[5000].item", "书包"), DemoUsers.LOUFAN_MOTHER,
				"第 5000 条");
		assertThat(count("visit")).isEqualTo(before);
	}

	@Test
	void targetsWithLine300AreRefusedInEnglishForAnEnglishUser() throws Exception {
		long xinzhou = this.jdbc.queryForObject("select id from federation where code = '140900'", Long.class);
		refused(post("/targets/" + xinzhou).param("year", "2026").param("lines[300].pairings", "5").param("lang", "en"),
				DemoUsers.XINZHOU_OFFICIAL, "too many entries (entry 300)");
	}

	private void refused(MockHttpServletRequestBuilder request, String user, String message) throws Exception {
		this.mvc.perform(request.with(csrf()).with(new DemoUsers(this.userDetails).as(user)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString(message)))
			.andExpect(content().string(containsString("id=\"error-400\"")));
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
