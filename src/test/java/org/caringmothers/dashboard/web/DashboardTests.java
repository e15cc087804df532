package org.caringmothers.dashboard.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.dashboard.DashboardService;
import org.caringmothers.dashboard.Figures;
import org.caringmothers.dashboard.MonthCount;
import org.caringmothers.dashboard.Period;
import org.caringmothers.dashboard.Progress;
import org.caringmothers.dashboard.YearProgress;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Dashboard figures checked against counts computed another way from the raw tables, and
 * the scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DashboardService dashboards;

	@Autowired
	FederationService federations;

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
	void everyFigureEqualsAnIndependentCount() {
		Federation loufan = this.federations.findByCode("140123").orElseThrow();
		Period year = Period.of(Period.Kind.YEAR, LocalDate.now(), null, null);
		Figures figures = this.dashboards.figures(loufan, year);
		String ids = "(select id from federation where path like '" + loufan.getPath() + "%')";
		String children = "(select id from child where federation_id in " + ids + ")";
		String pairings = "(select id from pairing where child_id in " + children + ")";
		assertThat(figures.childrenActive())
			.isEqualTo(count("select count(*) from child where status = 'ACTIVE' and federation_id in " + ids));
		assertThat(figures.childrenPaired()).isEqualTo(count(
				"select count(distinct child_id) from pairing where end_date is null and child_id in (select id from child"
						+ " where status = 'ACTIVE' and federation_id in " + ids + ")"));
		assertThat(figures.mothersActive()).isEqualTo(
				count("select count(*) from volunteer where role = 'MOTHER' and status = 'ACTIVE' and federation_id in "
						+ ids));
		assertThat(figures.activePairings())
			.isEqualTo(count("select count(*) from pairing where end_date is null and child_id in " + children));
		assertThat(figures.contacts()).isEqualTo(count("select count(*) from visit where pairing_id in " + pairings
				+ " and extract(year from visit_date) = extract(year from current_date)"));
		assertThat(figures.homeVisits())
			.isEqualTo(count("select count(*) from visit where mode = 'HOME_VISIT'" + " and pairing_id in " + pairings
					+ " and extract(year from visit_date) = extract(year from current_date)"));
		assertThat(figures.needsOpen()).isEqualTo(
				count("select count(*) from need where status in ('OPEN', 'IN_PROGRESS') and child_id in " + children));
		assertThat(figures.safetyFlagsOpen()).isEqualTo(
				count("select count(*) from need where mandatory_report and report_action is null and child_id in "
						+ children));
		assertThat(figures.events()).isEqualTo(count("select count(*) from event where federation_id in " + ids
				+ " and extract(year from event_date) = extract(year from current_date)"));
		assertThat(figures.childrenByCategory().get("LEFT_BEHIND")).isEqualTo(count(
				"select count(*) from child_category cc join child c on c.id = cc.child_id where cc.category = 'LEFT_BEHIND'"
						+ " and c.status = 'ACTIVE' and c.federation_id in " + ids));
	}

	@Test
	void theCountyEqualsTheSumOfItsTownships() {
		Federation loufan = this.federations.findByCode("140123").orElseThrow();
		Period year = Period.of(Period.Kind.YEAR, LocalDate.now(), null, null);
		Progress progress = this.dashboards.progress(loufan, year);
		Figures county = progress.total();
		List<Figures> townships = List.copyOf(progress.rows().values());
		assertThat(townships.stream().mapToLong(Figures::childrenActive).sum()).isEqualTo(county.childrenActive());
		assertThat(townships.stream().mapToLong(Figures::contacts).sum()).isEqualTo(county.contacts());
		assertThat(townships.stream().mapToLong(Figures::needsOpen).sum()).isEqualTo(county.needsOpen());
		for (Map.Entry<Federation, Figures> row : progress.rows().entrySet()) {
			assertThat(row.getValue()).as(row.getKey().getName())
				.isEqualTo(this.dashboards.progress(row.getKey(), year).total());
		}
	}

	@Test
	void theProvinceRowsAreTheCitiesOwnFigures() {
		Federation province = this.federations.findByCode("140000").orElseThrow();
		Period year = Period.of(Period.Kind.YEAR, LocalDate.now(), null, null);
		Progress progress = this.dashboards.progress(province, year);
		assertThat(progress.rows()).hasSize(11);
		for (Map.Entry<Federation, Figures> row : progress.rows().entrySet()) {
			assertThat(row.getValue()).as(row.getKey().getName())
				.isEqualTo(this.dashboards.progress(row.getKey(), year).total());
		}
		assertThat(progress.total().contacts()).isEqualTo(count("select count(*) from visit"
				+ " where extract(year from visit_date) = extract(year from current_date)"));
		assertThat(progress.months()).hasSize(12);
		assertThat(progress.months().stream().mapToLong(MonthCount::contacts).sum()).isEqualTo(count(
				"select count(*) from visit where visit_date >= date_trunc('month', current_date) - interval '11 months'"
						+ " and visit_date <= current_date + interval '1 month'"));
	}

	@Test
	void yearlyActualsCountThePairingsInEffectThatYear() {
		Federation loufan = this.federations.findByCode("140123").orElseThrow();
		Progress progress = this.dashboards.progress(loufan, Period.of(Period.Kind.YEAR, LocalDate.now(), null, null));
		String children = "(select c.id from child c join federation f on f.id = c.federation_id where f.path like '"
				+ loufan.getPath() + "%')";
		for (YearProgress year : progress.years()) {
			String inEffect = " from pairing where child_id in " + children + " and start_date <= make_date("
					+ year.year() + ", 12, 31) and (end_date is null or end_date >= make_date(" + year.year()
					+ ", 1, 1))";
			assertThat(year.pairings()).as("pairings " + year.year()).isEqualTo(count("select count(*)" + inEffect));
			assertThat(year.mothers()).as("mothers " + year.year())
				.isEqualTo(count("select count(distinct volunteer_id)" + inEffect));
		}
		assertThat(progress.years()).extracting(YearProgress::year).containsExactly(2024, 2025, 2026);
	}

	@Test
	void theHomePageAndTheDashboardCountTheSameCareGaps() throws Exception {
		Federation xinzhou = this.federations.findByCode("140900").orElseThrow();
		Federation shenchi = this.federations.findByCode("140927").orElseThrow();
		Period month = Period.of(Period.Kind.THIS_MONTH, LocalDate.now(), null, null);
		this.jdbc.update("update federation set contact_days = 14 where id = ?", shenchi.getId());
		try {
			long onHomePage = (Long) this.mvc.perform(get("/").with(this.users.as(DemoUsers.SHENCHI_STAFF)))
				.andExpect(status().isOk())
				.andReturn()
				.getModelAndView()
				.getModel()
				.get("careGapCount");
			Figures county = this.dashboards.figures(shenchi, month);
			assertThat(county.careGaps()).isPositive().isEqualTo(onHomePage);
			Figures inCityRow = this.dashboards.progress(xinzhou, month)
				.rows()
				.entrySet()
				.stream()
				.filter(row -> row.getKey().getId().equals(shenchi.getId()))
				.findFirst()
				.orElseThrow()
				.getValue();
			assertThat(inCityRow.careGaps()).isEqualTo(onHomePage);
			long notContactedIn30Days = count("""
					select count(*) from pairing p join child c on c.id = p.child_id
					join federation f on f.id = c.federation_id
					where p.end_date is null and f.path like '%s%%' and not exists (select 1 from visit x
					  where x.pairing_id = p.id and x.visit_date > current_date - 30)""".formatted(shenchi.getPath()));
			assertThat(county.careGaps()).as("the county's own cadence, not a fixed 30 days")
				.isNotEqualTo(notContactedIn30Days);
		}
		finally {
			this.jdbc.update("update federation set contact_days = null where id = ?", shenchi.getId());
		}
	}

	@Test
	void aContactLoggedNowMovesTheFigures() throws Exception {
		Federation loufan = this.federations.findByCode("140123").orElseThrow();
		Period month = Period.of(Period.Kind.THIS_MONTH, LocalDate.now(), null, null);
		long before = this.dashboards.figures(loufan, month).contacts();
		long pairing = this.jdbc.queryForObject("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join app_user a on a.id = v.account_id where a.username = 'loufan.mother' and p.end_date is null""",
				Long.class);
		this.mvc
			.perform(post("/my/pairings/" + pairing + "/visits").with(csrf())
				.param("visitDate", LocalDate.now().toString())
				.param("mode", "PHONE")
				.param("durationMinutes", "15")
				.param("careTypes", "COMFORT")
				.param("childMood", "GOOD")
				.param("clientToken", UUID.randomUUID().toString())
				.with(this.users.as(DemoUsers.LOUFAN_MOTHER)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.dashboards.figures(loufan, month).contacts()).isEqualTo(before + 1);
	}

	@Test
	void theDashboardIsScopedAndDrillsDown() throws Exception {
		long loufan = this.federations.findByCode("140123").orElseThrow().getId();
		long shenchi = this.federations.findByCode("140927").orElseThrow().getId();
		this.mvc.perform(get("/dashboard/" + loufan).with(this.users.as(DemoUsers.SHENCHI_STAFF)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/dashboard").with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/dashboard/" + shenchi)))
			.andExpect(content().string(containsString("下级比较")));
		this.mvc
			.perform(get("/dashboard/" + shenchi).param("period", "YEAR")
				.with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("神池县工作进展")))
			.andExpect(content().string(containsString("忻州市")));
		this.mvc.perform(get("/dashboard").with(this.users.as(DemoUsers.LOUFAN_MOTHER)))
			.andExpect(status().isForbidden());
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
