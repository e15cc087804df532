package org.caringmothers.event.web;

import java.util.Map;

import org.caringmothers.account.WebSliceSecurity;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.security.Role;
import org.caringmothers.event.EventService;
import org.caringmothers.event.EventType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The event module's pages alone (a web slice with the real security rules, the service
 * mocked): who may open the list and the form, and that a bad form comes back with its
 * messages without reaching the service.
 */
@WebMvcTest(EventController.class)
@Import(WebSliceSecurity.class)
class EventWebSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventService events;

	@MockitoBean
	AuditService audit;

	@Test
	void theListIsForFiguresRolesAndRendersItsCounts() throws Exception {
		given(this.events.list(any(), any(), any())).willReturn(Page.empty());
		given(this.events.countByType(any(), any())).willReturn(Map.of(EventType.TRAINING, 4L));
		this.mvc.perform(get("/events").with(user(WebSliceSecurity.user(Role.OFFICIAL))))
			.andExpect(status().isOk())
			.andExpect(view().name("event/list"))
			.andExpect(content().string(containsString("<h1")));
		this.mvc.perform(get("/events").with(user(WebSliceSecurity.user(Role.VOLUNTEER))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/events")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void onlyStaffAndAdministratorsOpenTheForm() throws Exception {
		this.mvc.perform(get("/events/new").param("type", "TRAINING").with(user(WebSliceSecurity.user(Role.STAFF))))
			.andExpect(status().isOk())
			.andExpect(view().name("event/form"))
			.andExpect(content().string(containsString("name=\"title\"")));
		this.mvc.perform(get("/events/new").with(user(WebSliceSecurity.user(Role.OFFICIAL))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/events/new").with(user(WebSliceSecurity.user(Role.VOLUNTEER))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.events);
	}

	@Test
	void aBadFormComesBackWithItsMessagesAndAFormWithoutTokenIsRefused() throws Exception {
		this.mvc.perform(post("/events/new").with(user(WebSliceSecurity.user(Role.STAFF))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/events/new").param("title", "")
				.param("type", "TRAINING")
				.with(csrf())
				.with(user(WebSliceSecurity.user(Role.STAFF))))
			.andExpect(status().isOk())
			.andExpect(view().name("event/form"))
			.andExpect(model().attributeHasFieldErrors("form", "title"));
		verify(this.events, never()).create(any(), any());
	}

}
