package org.caringmothers.common.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How many rows a long list shows: the list's own default, or one of the {@link #CHOICES}
 * asked for with {@code ?size=} (the pager of {@code fragments/pagination.html} offers
 * them). Anything else asked for is ignored.
 */
public final class PageSizes {

	/** The page sizes a user may choose. */
	public static final List<Integer> CHOICES = List.of(10, 20, 50, 100);

	private PageSizes() {
	}

	/** The size the current request asks for, or the default. */
	public static int requested(int defaultSize) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return of(servlet.getRequest(), defaultSize);
		}
		return defaultSize;
	}

	static int of(HttpServletRequest request, int defaultSize) {
		String asked = request.getParameter("size");
		if (asked == null) {
			return defaultSize;
		}
		try {
			int size = Integer.parseInt(asked.trim());
			return CHOICES.contains(size) ? size : defaultSize;
		}
		catch (NumberFormatException ex) {
			return defaultSize;
		}
	}

}
