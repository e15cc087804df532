package org.caringmothers.need.web;

import org.caringmothers.account.WebSliceSecurity;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.child.ChildService;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.security.Role;
import org.caringmothers.need.NeedService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The need module's pages alone (a web slice with the real security rules and the real
 * view audit, the services mocked): staff see the list and its look is recorded;
 * officials and mothers are refused and the refusal is recorded; a need outside the
 * user's scope answers the 404 page.
 */
@WebMvcTest(NeedController.class)
@Import(WebSliceSecurity.class)
class NeedWebSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	NeedService needs;

	@MockitoBean
	ChildService children;

	@MockitoBean
	AuditService audit;

	@Test
	void staffSeeTheListAndTheLookIsRecorded() throws Exception {
		given(this.needs.search(any(), any(), any(), anyBoolean(), any())).willReturn(Page.empty());
		this.mvc.perform(get("/needs").with(user(WebSliceSecurity.user(Role.STAFF))))
			.andExpect(status().isOk())
			.andExpect(view().name("need/list"));
		verify(this.audit).record(eq(AuditAction.VIEW), eq("NEED"), isNull(), startsWith("list /needs"));
	}

	@Test
	void officialsAndMothersAreRefusedAndTheRefusalIsRecorded() throws Exception {
		this.mvc.perform(get("/needs").with(user(WebSliceSecurity.user(Role.OFFICIAL))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/needs/7/steps").param("toStatus", "RESOLVED")
				.with(csrf())
				.with(user(WebSliceSecurity.user(Role.VOLUNTEER))))
			.andExpect(status().isForbidden());
		verify(this.audit).recordAlone(eq(AuditAction.DENIED), eq("REQUEST"), isNull(), startsWith("GET /needs"));
		verify(this.audit).recordAlone(eq(AuditAction.DENIED), eq("REQUEST"), isNull(),
				startsWith("POST /needs/7/steps"));
		verifyNoInteractions(this.needs);
	}

	@Test
	void aNeedOutsideTheScopeAnswersTheNotFoundPage() throws Exception {
		given(this.needs.line(anyLong(), any())).willThrow(new NotFoundException("need 7"));
		this.mvc.perform(get("/needs/7").with(user(WebSliceSecurity.user(Role.STAFF))))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"));
	}

}
