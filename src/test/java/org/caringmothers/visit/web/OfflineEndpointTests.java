package org.caringmothers.visit.web;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the mother's phone gets from the server: the manifest and service worker for
 * anyone, her children's minimal data only for her and never cached by HTTP, a wipe order
 * for a disabled account, 401 (not the sign-in page) when her session is gone, and
 * uploads that need the CSRF token.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OfflineEndpointTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theManifestAndServiceWorkerAreOpenAndTyped() throws Exception {
		this.mvc.perform(get("/manifest.webmanifest"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/manifest+json"))
			.andExpect(jsonPath("$.name").value("爱心妈妈"))
			.andExpect(jsonPath("$.display").value("standalone"))
			.andExpect(jsonPath("$.start_url").value("/"));
		this.mvc.perform(get("/sw.js"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"));
		this.mvc.perform(get("/icons/icon-192.png")).andExpect(status().isOk());
	}

	@Test
	void syncGivesHerChildrenWithMaskedPhonesAndNoStore() throws Exception {
		this.mvc.perform(get("/my/sync").with(as(DemoUsers.LOUFAN_MOTHER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(jsonPath("$.children", hasSize(3)))
			.andExpect(jsonPath("$.children[0].guardians[0].phone", matchesPattern("\\d{3}\\*{4}\\d{4}")))
			.andExpect(jsonPath("$.children[0].guardians[0].number", matchesPattern("1[3-9]\\d{9}")))
			.andExpect(jsonPath("$.csrfToken").isNotEmpty())
			.andExpect(content().string(not(containsString("idNumber"))));
	}

	@Test
	void syncIsForMothersOnlyAndAnswers401WithoutSession() throws Exception {
		this.mvc.perform(get("/my/sync")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/my/sync").with(as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("X-Offline-Wipe"));
		this.mvc.perform(get("/my/offline").with(as(DemoUsers.LOUFAN_STAFF))).andExpect(status().isForbidden());
	}

	@Test
	void aDisabledAccountIsToldToWipeThePhone() throws Exception {
		var mother = as(DemoUsers.LOUFAN_MOTHER);
		this.jdbc.update("update app_user set enabled = false where username = ?", DemoUsers.LOUFAN_MOTHER);
		try {
			this.mvc.perform(get("/my/sync").with(mother))
				.andExpect(status().isForbidden())
				.andExpect(header().string("X-Offline-Wipe", "1"))
				.andExpect(jsonPath("$.wipe").value(true));
		}
		finally {
			this.jdbc.update("update app_user set enabled = true where username = ?", DemoUsers.LOUFAN_MOTHER);
		}
	}

	@Test
	void uploadsNeedTheCsrfTokenAndExplainARefusal() throws Exception {
		this.mvc.perform(multipart("/my/uploads").param("pairingId", "1").with(as(DemoUsers.LOUFAN_MOTHER)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/my/uploads").param("pairingId", "-1")
				.param("visitDate", "2026-01-05")
				.param("mode", "PHONE")
				.param("durationMinutes", "10")
				.param("careTypes", "COMFORT")
				.param("childMood", "GOOD")
				.param("clientToken", "refused-token-1")
				.with(as(DemoUsers.LOUFAN_MOTHER))
				.with(csrf().asHeader()))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.status").value("refused"))
			.andExpect(jsonPath("$.reason").value(containsString("结对")));
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
		return new DemoUsers(this.userDetails).as(user);
	}

}
