package org.caringmothers.dashboard.web;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's period form: a custom period that is empty or ends before it starts is
 * said so (the figures are this month's, and the page says that), the days asked for stay
 * in the fields, and each offered period carries its days for the date fields.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardPeriodFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void aReversedCustomPeriodIsSaidSoAndKeepsTheDaysAskedFor() throws Exception {
		this.mvc
			.perform(get("/dashboard").param("period", "CUSTOM")
				.param("from", "2026-06-30")
				.param("to", "2026-05-01")
				.with(new DemoUsers(this.userDetails).as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"period-problem\"")))
			.andExpect(content().string(containsString("结束日期早于开始日期")))
			.andExpect(content().string(containsString("value=\"2026-06-30\"")))
			.andExpect(content().string(containsString("value=\"2026-05-01\"")));
	}

	@Test
	void anEmptyCustomPeriodIsSaidSoInEnglishToo() throws Exception {
		this.mvc
			.perform(get("/dashboard").param("period", "CUSTOM")
				.param("from", "")
				.param("to", "")
				.param("lang", "en")
				.with(new DemoUsers(this.userDetails).as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A custom period needs both a start and an end date")));
	}

	@Test
	void aValidPeriodHasNoProblemAndEachKindCarriesItsDays() throws Exception {
		LocalDate today = LocalDate.now();
		String yearStart = today.withDayOfYear(1).toString();
		String yearEnd = today.with(TemporalAdjusters.lastDayOfYear()).toString();
		this.mvc
			.perform(get("/dashboard").param("period", "CUSTOM")
				.param("from", "2026-05-01")
				.param("to", "2026-06-30")
				.with(new DemoUsers(this.userDetails).as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"period-problem\""))))
			.andExpect(content().string(containsString("data-from=\"" + yearStart + "\" data-to=\"" + yearEnd + "\"")));
	}

}
