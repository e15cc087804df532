package org.caringmothers.visit.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.visit.VisitService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Contact photos, served only to those who may see the child, streamed from the store
 * chunk by chunk (never held whole in memory), and never kept by a cache beyond the page
 * that shows them ({@code private, no-store}).
 */
@Controller
@RequiredArgsConstructor
class PhotoController {

	private final VisitService visits;

	@GetMapping("/photos/{id}")
	void photo(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response) {
		// the access check runs first: a refused photo is a 404 page, nothing written
		this.visits.writePhoto(id, user, () -> {
			response.setContentType(MediaType.IMAGE_JPEG_VALUE);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
			try {
				return response.getOutputStream();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
