package org.caringmothers.federation.web;

import java.util.List;
import java.util.Map;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.TargetService;
import org.caringmothers.federation.TargetValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Three-year-action targets: who sets them where, how they roll up the tree, and that a
 * bad form saves nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TargetTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FederationService federations;

	@Autowired
	TargetService targets;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	Federation province;

	Federation xinzhou;

	Federation shenchi;

	Federation ningwu;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
		this.jdbc.update("delete from target");
		this.province = this.federations.findByCode("140000").orElseThrow();
		this.xinzhou = this.federations.findByCode("140900").orElseThrow();
		this.shenchi = this.federations.findByCode("140927").orElseThrow();
		this.ningwu = this.federations.findByCode("140925").orElseThrow();
	}

	@Test
	void anOfficialSetsTheCountiesTargetsAndTheyRollUp() throws Exception {
		this.mvc.perform(get("/targets").with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(redirectedUrl("/targets/" + this.xinzhou.getId()));
		this.mvc.perform(get("/targets/" + this.xinzhou.getId()).with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("神池县")))
			.andExpect(content().string(containsString("忻州市三年行动目标")));
		save(this.xinzhou, 2025, Map.of(this.shenchi, new int[] { 80, 30 }, this.ningwu, new int[] { 40, 15 }),
				DemoUsers.XINZHOU_OFFICIAL)
			.andExpect(redirectedUrl("/targets/" + this.xinzhou.getId() + "?year=2025"))
			.andExpect(flash().attribute("flashSuccess", "target.saved"));

		assertThat(effective(this.shenchi, 2025)).isEqualTo(new TargetValue(80, 30, true));
		assertThat(effective(this.xinzhou, 2025)).isEqualTo(new TargetValue(120, 45, false));
		assertThat(effective(this.province, 2025)).isEqualTo(new TargetValue(120, 45, false));
		assertThat(effective(this.xinzhou, 2024)).isNull();

		// the province's own target for the city replaces the sum of its counties
		save(this.province, 2025, Map.of(this.xinzhou, new int[] { 200, 70 }), DemoUsers.ADMIN)
			.andExpect(status().is3xxRedirection());
		assertThat(effective(this.xinzhou, 2025)).isEqualTo(new TargetValue(200, 70, true));
		assertThat(effective(this.province, 2025)).isEqualTo(new TargetValue(200, 70, false));

		// a township's target is not added above a county that has its own
		Federation township = this.federations.children(this.shenchi).get(0);
		save(this.shenchi, 2025, Map.of(township, new int[] { 5, 2 }), DemoUsers.XINZHOU_OFFICIAL)
			.andExpect(status().is3xxRedirection());
		assertThat(effective(this.shenchi, 2025)).isEqualTo(new TargetValue(80, 30, true));
		// clearing the county's own target makes it the sum of its townships
		save(this.xinzhou, 2025, Map.of(this.ningwu, new int[] { 40, 15 }), DemoUsers.XINZHOU_OFFICIAL)
			.andExpect(status().is3xxRedirection());
		assertThat(effective(this.shenchi, 2025)).isEqualTo(new TargetValue(5, 2, false));
	}

	@Test
	void aHalfFilledLineSavesNothing() throws Exception {
		MultiValueMap<String, String> form = lines(this.xinzhou, 2025,
				Map.of(this.shenchi, new int[] { 80, 30 }, this.ningwu, new int[] { 40, 15 }));
		int ningwuLine = this.federations.children(this.xinzhou)
			.stream()
			.map(Federation::getId)
			.toList()
			.indexOf(this.ningwu.getId());
		form.set("lines[" + ningwuLine + "].mothers", "");
		send(this.xinzhou, 2025, form, DemoUsers.XINZHOU_OFFICIAL).andExpect(status().isOk())
			.andExpect(content().string(containsString("结对目标和爱心妈妈目标要同时填写")));
		form.set("lines[" + ningwuLine + "].mothers", "-3");
		send(this.xinzhou, 2025, form, DemoUsers.XINZHOU_OFFICIAL).andExpect(status().isOk())
			.andExpect(content().string(containsString("不能小于 0")));
		form.set("lines[" + ningwuLine + "].mothers", "many");
		send(this.xinzhou, 2025, form, DemoUsers.XINZHOU_OFFICIAL).andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写整数")));
		assertThat(this.jdbc.queryForObject("select count(*) from target", Long.class)).isZero();
		save(this.xinzhou, 2031, Map.of(this.shenchi, new int[] { 1, 1 }), DemoUsers.XINZHOU_OFFICIAL)
			.andExpect(flash().attribute("flashError", "target.year"));
		assertThat(this.jdbc.queryForObject("select count(*) from target", Long.class)).isZero();
	}

	@Test
	void aTargetChangedMeanwhileIsNotOverwritten() throws Exception {
		MultiValueMap<String, String> stale = lines(this.xinzhou, 2026, Map.of(this.shenchi, new int[] { 10, 4 }));
		save(this.xinzhou, 2026, Map.of(this.shenchi, new int[] { 12, 5 }), DemoUsers.XINZHOU_OFFICIAL)
			.andExpect(status().is3xxRedirection());
		send(this.xinzhou, 2026, stale, DemoUsers.ADMIN).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"conflict\"")));
		assertThat(effective(this.shenchi, 2026)).isEqualTo(new TargetValue(12, 5, true));
	}

	@Test
	void onlyOfficialsAndAdministratorsSetTargetsWithinTheirScope() throws Exception {
		this.mvc.perform(get("/targets/" + this.shenchi.getId()).with(this.users.as(DemoUsers.SHENCHI_STAFF)))
			.andExpect(status().isForbidden());
		save(this.shenchi, 2025, Map.of(), DemoUsers.SHENCHI_STAFF).andExpect(status().isForbidden());
		long loufan = this.federations.findByCode("140123").orElseThrow().getId();
		this.mvc.perform(get("/targets/" + loufan).with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(status().isNotFound());
		// the official's own city is set by the province, not by herself
		save(this.province, 2025, Map.of(this.xinzhou, new int[] { 1, 1 }), DemoUsers.XINZHOU_OFFICIAL)
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("select count(*) from target", Long.class)).isZero();
	}

	@Test
	void theDashboardShowsTargetProgressAndWhoIsBehind() throws Exception {
		save(this.xinzhou, 2026, Map.of(this.shenchi, new int[] { 100000, 50000 }), DemoUsers.XINZHOU_OFFICIAL)
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/dashboard").param("period", "YEAR").with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("未达年度目标")))
			.andExpect(content().string(containsString("100000")))
			.andExpect(content().string(containsString("data-chart")));
	}

	private TargetValue effective(Federation federation, int year) {
		return this.targets.effective(this.province, List.of(federation)).get(federation.getId()).get(year);
	}

	private org.springframework.test.web.servlet.ResultActions save(Federation parent, int year,
			Map<Federation, int[]> values, String user) throws Exception {
		return send(parent, year, lines(parent, year, values), user);
	}

	private org.springframework.test.web.servlet.ResultActions send(Federation parent, int year,
			MultiValueMap<String, String> form, String user) throws Exception {
		MockHttpServletRequestBuilder request = post("/targets/" + parent.getId()).param("year", String.valueOf(year))
			.params(form)
			.with(csrf())
			.with(this.users.as(user));
		return this.mvc.perform(request);
	}

	/**
	 * The form as the page sends it: a line per federation below, with stored versions.
	 */
	private MultiValueMap<String, String> lines(Federation parent, int year, Map<Federation, int[]> values) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		List<Federation> children = this.federations.children(parent);
		Map<Long, int[]> byId = new java.util.HashMap<>();
		values.forEach((federation, value) -> byId.put(federation.getId(), value));
		for (int i = 0; i < children.size(); i++) {
			Federation child = children.get(i);
			int[] value = byId.get(child.getId());
			List<Long> versions = this.jdbc.queryForList(
					"select version from target where federation_id = ? and year = ?", Long.class, child.getId(), year);
			form.add("lines[" + i + "].federationId", String.valueOf(child.getId()));
			form.add("lines[" + i + "].version", versions.isEmpty() ? "" : String.valueOf(versions.get(0)));
			form.add("lines[" + i + "].pairings", value == null ? "" : String.valueOf(value[0]));
			form.add("lines[" + i + "].mothers", value == null ? "" : String.valueOf(value[1]));
		}
		return form;
	}

}
