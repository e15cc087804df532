package org.caringmothers.visit.web;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "拨打": a mother reveals a guardian's number of her own child to call, and only that. */
@SpringBootTest
@AutoConfigureMockMvc
class GuardianCallTests {

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
	void herOwnChildsGuardianNumberIsGivenAndTheRevealRecordedAsHers() throws Exception {
		long pairing = myPairing();
		long child = childOf(pairing);
		String phone = this.jdbc.queryForObject("select phone from child_guardian where child_id = ? and position = 0",
				String.class, child);
		long before = reveals(child);

		page(call(pairing, 0).accept(MediaType.APPLICATION_JSON).param("calledAt", "2026-03-01T08:30:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(phone))
			.andExpect(jsonPath("$.href").value("tel:" + phone));

		assertThat(reveals(child)).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject("""
				select summary from audit_entry where actor_username = 'loufan.mother' and action = 'REVEAL'
				and record_type = 'CHILD' and record_id = ? order by id desc limit 1""", String.class, child))
			.contains("guardianPhone#1")
			.contains("2026-03-01T08:30:00Z");
	}

	@Test
	void withoutScriptTheFormShowsAPageWithATelLink() throws Exception {
		long pairing = myPairing();
		String phone = this.jdbc.queryForObject("select phone from child_guardian where child_id = ? and position = 0",
				String.class, childOf(pairing));
		page(call(pairing, 0).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"tel:" + phone + "\"")));
	}

	@Test
	void theHomePageShowsOnlyMaskedNumbersWithACallButton() throws Exception {
		long pairing = myPairing();
		String phone = this.jdbc.queryForObject("select phone from child_guardian where child_id = ? and position = 0",
				String.class, childOf(pairing));
		page(get("/")).andExpect(status().isOk())
			.andExpect(content().string(containsString("/my/pairings/" + pairing + "/guardians/0/call")))
			.andExpect(content().string(not(containsString(phone))));
	}

	@Test
	void anotherMothersChildOrAMissingGuardianIsNotFoundAndNothingIsRecorded() throws Exception {
		long other = this.jdbc.queryForObject("""
				select p.id from pairing p join volunteer v on v.id = p.volunteer_id
				where p.end_date is null and v.account_id is null
				and exists (select 1 from child_guardian g where g.child_id = p.child_id) order by p.id limit 1""",
				Long.class);
		long otherChild = childOf(other);
		long before = reveals(otherChild);
		page(call(other, 0).accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
		page(call(other, 0).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
		assertThat(reveals(otherChild)).isEqualTo(before);

		long mine = myPairing();
		page(call(mine, 9).accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());
		page(call(mine, -1).accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound());

		this.mvc.perform(call(mine, 0).accept(MediaType.APPLICATION_JSON).with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCallNeedsTheFormsToken() throws Exception {
		this.mvc
			.perform(post("/my/pairings/" + myPairing() + "/guardians/0/call").accept(MediaType.APPLICATION_JSON)
				.with(this.users.as(LOUFAN_MOTHER)))
			.andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder call(long pairing, int guardian) {
		return post("/my/pairings/" + pairing + "/guardians/" + guardian + "/call").with(csrf());
	}

	private ResultActions page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(this.users.as(LOUFAN_MOTHER)));
	}

	private long myPairing() {
		return this.jdbc.queryForObject(
				"""
						select p.id from pairing p join volunteer v on v.id = p.volunteer_id join app_user a on a.id = v.account_id
						where a.username = 'loufan.mother' and p.end_date is null
						and exists (select 1 from child_guardian g where g.child_id = p.child_id)
						order by p.start_date limit 1""",
				Long.class);
	}

	private long childOf(long pairing) {
		return this.jdbc.queryForObject("select child_id from pairing where id = ?", Long.class, pairing);
	}

	private long reveals(long child) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'REVEAL' and record_type = 'CHILD' and record_id = ?",
				Long.class, child);
	}

}
