package org.caringmothers.pairing.web;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pairing through the web: suggestions, pairing, ending, and the scope. */
@SpringBootTest
@AutoConfigureMockMvc
class PairingControllerTests {

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
	void staffPairAChildWithTheFirstSuggestedMotherAndEndThePairing() throws Exception {
		long child = unpairedChild("140123", 200);
		String page = page(get("/pairings/child/" + child), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("推荐的爱心妈妈")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String firstMother = page.replaceAll("(?s).*?name=\"motherId\" value=\"(\\d+)\".*", "$1");
		page(post("/pairings").with(csrf())
			.param("childId", String.valueOf(child))
			.param("motherId", firstMother)
			.param("startDate", java.time.LocalDate.now().toString()), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "pairing.created"));
		Long pairing = this.jdbc.queryForObject(
				"select id from pairing where child_id = ? and volunteer_id = ? and end_date is null", Long.class,
				child, Long.valueOf(firstMother));
		page(get("/pairings/child/" + child), LOUFAN_STAFF).andExpect(content().string(containsString("进行中")))
			.andExpect(content().string(containsString("end-pairing")));
		page(post("/pairings/" + pairing + "/end").with(csrf()).param("endDate", java.time.LocalDate.now().toString()),
				LOUFAN_STAFF)
			.andExpect(flash().attribute("flashError", "pairing.reason.required"));
		page(post("/pairings/" + pairing + "/end").with(csrf())
			.param("endDate", java.time.LocalDate.now().toString())
			.param("reason", "CHILD_MOVED"), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashSuccess", "pairing.ended"));
		assertThat(this.jdbc.queryForObject("select end_reason from pairing where id = ?", String.class, pairing))
			.isEqualTo("CHILD_MOVED");
	}

	@Test
	void pairingAChildTwiceIsRefusedWithAClearMessage() throws Exception {
		long child = unpairedChild("140123", 210);
		List2 mothers = new List2(freeMother(0), freeMother(1));
		page(post("/pairings").with(csrf())
			.param("childId", String.valueOf(child))
			.param("motherId", String.valueOf(mothers.first())), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashSuccess", "pairing.created"));
		page(post("/pairings").with(csrf())
			.param("childId", String.valueOf(child))
			.param("motherId", String.valueOf(mothers.second())), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashError", "pairing.child.alreadyPaired"));
	}

	@Test
	void anotherCountysChildOrMotherIsNotFound() throws Exception {
		long child = unpairedChild("140123", 220);
		page(get("/pairings/child/" + child), SHENCHI_STAFF).andExpect(status().isNotFound());
		page(post("/pairings").with(csrf())
			.param("childId", String.valueOf(child))
			.param("motherId", String.valueOf(freeMother(2))), SHENCHI_STAFF).andExpect(status().isNotFound());
		page(get("/pairings/mother/" + freeMother(2)), SHENCHI_STAFF).andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select count(*) from pairing where child_id = ?", Long.class, child))
			.isZero();
	}

	@Test
	void officialsAndMothersCannotOpenStaffPages() throws Exception {
		long child = unpairedChild("140927", 0);
		page(get("/pairings/child/" + child), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(get("/pairings/unpaired"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(post("/pairings").with(csrf()).param("childId", String.valueOf(child)).param("motherId", "1"),
				XINZHOU_OFFICIAL)
			.andExpect(status().isForbidden());
		page(get("/pairings/unpaired"), LOUFAN_MOTHER).andExpect(status().isForbidden());
		page(get("/pairings/unpaired"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("尚未结对的在册儿童")));
	}

	@Test
	void aChildWhoseMotherWithdrewShowsHerReservesFirst() throws Exception {
		long mother = this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.status = 'ACTIVE' and v.role = 'MOTHER'
				  and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.volunteer_id = v.id)
				  and exists (select 1 from volunteer_backing b where b.mother_id = v.id)
				order by v.id limit 1""", Long.class);
		String reserve = this.jdbc.queryForObject(
				"select min(v.name) from volunteer v join volunteer_backing b on b.reserve_id = v.id where b.mother_id = ?",
				String.class, mother);
		long child = unpairedChild("140123", 230);
		page(post("/pairings").with(csrf())
			.param("childId", String.valueOf(child))
			.param("motherId", String.valueOf(mother)), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashSuccess", "pairing.created"));
		page(post("/volunteers/" + mother + "/status").with(csrf()).param("to", "WITHDRAWN").param("note", "外出务工"),
				LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select end_reason from pairing where child_id = ?", String.class, child))
			.isEqualTo("MOTHER_WITHDREW");
		page(get("/pairings/child/" + child), LOUFAN_STAFF)
			.andExpect(content().string(containsString("former-reserves")))
			.andExpect(content().string(containsString(reserve)));
		page(get("/pairings/unpaired"), LOUFAN_STAFF).andExpect(content().string(containsString("needing-new-mother")));
	}

	@Test
	void aFutureDateAndAMotherWhoCannotBePairedAreReportedTogether() throws Exception {
		long child = unpairedChild("140123", 230);
		long applicant = this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.status <> 'ACTIVE' and f.path like (select path || '%' from federation where code = '140123')
				order by v.id limit 1""", Long.class);
		long before = this.jdbc.queryForObject("select count(*) from pairing where child_id = ?", Long.class, child);
		page(post("/pairings").with(csrf())
			.param("childId", String.valueOf(child))
			.param("motherId", String.valueOf(applicant))
			.param("startDate", java.time.LocalDate.now().plusDays(5).toString()), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashErrors", org.hamcrest.Matchers.hasSize(2)));
		page(get("/pairings/child/" + child).flashAttr("flashError", "pairing.startDate.future")
			.flashAttr("flashErrors", java.util.List.of(
					new org.caringmothers.common.web.FlashMessages.Message("pairing.startDate.future", new Object[0]),
					new org.caringmothers.common.web.FlashMessages.Message("pairing.mother.notActive", new Object[0]))),
				LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("结对日期不能晚于今天")))
			.andExpect(content().string(containsString("只有在岗（已宣誓）的爱心妈妈才能结对")));
		assertThat(this.jdbc.queryForObject("select count(*) from pairing where child_id = ?", Long.class, child))
			.isEqualTo(before);
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	private long unpairedChild(String county, int offset) {
		return this.jdbc.queryForObject("""
				select c.id from child c join federation f on f.id = c.federation_id
				where c.status = 'ACTIVE' and f.path like (select path || '%' from federation where code = ?)
				  and not exists (select 1 from pairing p where p.child_id = c.id)
				order by c.id offset ? limit 1""", Long.class, county, offset);
	}

	private long freeMother(int offset) {
		return this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.status = 'ACTIVE' and v.role = 'MOTHER'
				  and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.volunteer_id = v.id)
				order by v.id desc offset ? limit 1""", Long.class, offset);
	}

	private record List2(long first, long second) {
	}

}
