package org.caringmothers.common.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirects that are never followed leave at most a few messages in the session, and the
 * messages of the latest redirects are still shown on the page they lead to.
 */
class BoundedFlashMapManagerTests {

	final BoundedFlashMapManager manager = new BoundedFlashMapManager();

	final MockHttpSession session = new MockHttpSession();

	@Test
	void unfollowedRedirectsKeepOnlyTheLatestMessages() {
		for (int i = 1; i <= 40; i++) {
			FlashMap message = new FlashMap();
			message.put("success", "logged " + i);
			message.setTargetRequestPath("/");
			this.manager.saveOutputFlashMap(message, post(), new MockHttpServletResponse());
		}
		List<?> kept = (List<?>) this.session.getAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
		assertThat(kept).hasSize(BoundedFlashMapManager.KEPT);

		MockHttpServletRequest home = new MockHttpServletRequest("GET", "/");
		home.setSession(this.session);
		Map<String, Object> shown = this.manager.retrieveAndUpdate(home, new MockHttpServletResponse());
		assertThat(shown).isNotNull();
		// one of the kept messages (Spring shows the oldest of those matching the page)
		assertThat(shown.get("success")).isIn("logged 36", "logged 37", "logged 38", "logged 39", "logged 40");
	}

	@Test
	void aFewMessagesAreAllKept() {
		for (int i = 1; i <= 2; i++) {
			FlashMap message = new FlashMap();
			message.put("success", "logged " + i);
			message.setTargetRequestPath("/page-" + i);
			this.manager.saveOutputFlashMap(message, post(), new MockHttpServletResponse());
		}
		MockHttpServletRequest first = new MockHttpServletRequest("GET", "/page-1");
		first.setSession(this.session);
		Map<String, Object> shown = this.manager.retrieveAndUpdate(first, new MockHttpServletResponse());
		assertThat(shown).containsEntry("success", "logged 1");
	}

	private MockHttpServletRequest post() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/my/pairings/1/visits");
		request.setSession(this.session);
		return request;
	}

}
