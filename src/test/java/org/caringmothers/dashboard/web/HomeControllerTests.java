package org.caringmothers.dashboard.web;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each role's home page shows its own federation. */
@SpringBootTest
@AutoConfigureMockMvc
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void adminSeesTheProvinceSummary() throws Exception {
		long townships = this.jdbc.queryForObject("select count(*) from federation where level = 'TOWNSHIP'",
				Long.class);
		home(DemoUsers.ADMIN).andExpect(content().string(containsString("data-role=\"ADMIN\"")))
			.andExpect(content().string(containsString("山西省")))
			.andExpect(content().string(containsString(">" + townships + "<")))
			.andExpect(content().string(containsString(">121<")));
	}

	@Test
	void theOfficialSeesHerCity() throws Exception {
		home(DemoUsers.XINZHOU_OFFICIAL).andExpect(content().string(containsString("data-role=\"OFFICIAL\"")))
			.andExpect(content().string(containsString("忻州市")))
			.andExpect(content().string(containsString("忻愿爱心妈妈")))
			.andExpect(content().string(not(containsString("账号管理"))));
	}

	@Test
	void staffSeeTheirCounty() throws Exception {
		home(DemoUsers.LOUFAN_STAFF).andExpect(content().string(containsString("data-role=\"STAFF\"")))
			.andExpect(content().string(containsString("娄烦县")))
			.andExpect(content().string(containsString("娄烦爱心妈妈")))
			.andExpect(content().string(containsString("账号管理")));
	}

	/**
	 * The safety concern waiting for action names its child, though she has no pairing
	 * (so none of the care digest's children): the home looks up the children of both
	 * digests in one statement.
	 */
	@Test
	void staffSeeTheChildOfAConcernWaitingForThem() throws Exception {
		java.util.Map<String, Object> child = this.jdbc.queryForMap(
				"""
						select c.id, c.name, c.federation_id from child c join federation f on f.id = c.federation_id
						where f.path like (select path from federation where name = '娄烦县' and level = 'COUNTY') || '%' and c.status = 'ACTIVE'
						  and not exists (select 1 from pairing p where p.child_id = c.id and p.end_date is null)
						order by c.id limit 1""");
		String description = "home-test concern " + java.util.UUID.randomUUID();
		long need = this.jdbc.queryForObject(
				"""
						insert into need (child_id, federation_id, category, urgency, description, status, mandatory_report,
						  raised_by, raised_at, version)
						values (?, ?, 'SAFETY', 'HIGH', ?, 'OPEN', true, (select id from app_user where username = 'loufan.staff'),
						  now(), 0)
						returning id""",
				Long.class, child.get("id"), child.get("federation_id"), description);
		try {
			home(DemoUsers.LOUFAN_STAFF).andExpect(content().string(containsString("/needs/" + need + "\"")))
				.andExpect(content().string(containsString(child.get("name") + "")))
				.andExpect(content().string(containsString(description)));
		}
		finally {
			this.jdbc.update("delete from need where id = ?", need);
		}
	}

	@Test
	void aMotherSeesHerProfileAndFederation() throws Exception {
		home(DemoUsers.LOUFAN_MOTHER).andExpect(content().string(containsString("data-role=\"VOLUNTEER\"")))
			.andExpect(content().string(containsString("林秋菊，您好")))
			.andExpect(content().string(containsString("娄烦镇")))
			.andExpect(content().string(not(containsString("妇联组织</a>"))));
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicy() throws Exception {
		home(DemoUsers.ADMIN).andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void englishOnRequest() throws Exception {
		this.mvc.perform(get("/").param("lang", "en").with(new DemoUsers(this.userDetails).as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(content().string(containsString("Sign out")))
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

	private ResultActions home(String user) throws Exception {
		return this.mvc.perform(get("/").with(new DemoUsers(this.userDetails).as(user))).andExpect(status().isOk());
	}

}
