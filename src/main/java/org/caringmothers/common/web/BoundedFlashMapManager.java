package org.caringmothers.common.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Keeps the messages shown after a redirect ({@link FlashMessages}) in the session, as
 * Spring MVC does, but at most the latest {@value #KEPT} not yet shown. Spring keeps
 * every one for three minutes, and the whole list is read from and written back to the
 * session store on every request: a client that posts forms without following their
 * redirects (a script, a phone that loses its connection after each submission) made the
 * list grow to thousands of messages, tens of kilobytes read, deserialised, serialised
 * and written to PostgreSQL on every one of its requests, so that each submission was
 * slower than the one before. A message older than the latest few would never be shown
 * anyway: the page a redirect leads to shows the message of that redirect.
 */
@Component("flashMapManager")
class BoundedFlashMapManager extends SessionFlashMapManager {

	/** How many messages waiting to be shown a session keeps. */
	static final int KEPT = 5;

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		List<FlashMap> kept = flashMaps;
		if (flashMaps.size() > KEPT) {
			kept = new ArrayList<>(flashMaps.subList(flashMaps.size() - KEPT, flashMaps.size()));
		}
		super.updateFlashMaps(kept, request, response);
	}

}
