package org.caringmothers.common.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a list page that keep its filters: the sortable column headers of
 * {@code fragments/lists.html} use {@code listLinks.sortedBy('name')}.
 */
public final class ListLinks {

	private final UriComponentsBuilder current;

	private final String sort;

	private final String dir;

	ListLinks(HttpServletRequest request) {
		this.current = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
		this.sort = request.getParameter("sort");
		this.dir = request.getParameter("dir");
	}

	/**
	 * This list sorted by the property, first page: ascending, or descending when it is
	 * sorted ascending by that property already.
	 */
	public String sortedBy(String property, String currentSort, String currentDir) {
		String sortNow = (currentSort != null) ? currentSort : this.sort;
		String dirNow = (currentDir != null) ? currentDir : this.dir;
		boolean ascendingNow = property.equals(sortNow) && "asc".equals(dirNow);
		return this.current.cloneBuilder()
			.replaceQueryParam("page")
			.replaceQueryParam("sort", property)
			.replaceQueryParam("dir", ascendingNow ? "desc" : "asc")
			.build()
			.toUriString();
	}

	/** This list with the page size, first page. */
	public String withPageSize(int size) {
		return this.current.cloneBuilder()
			.replaceQueryParam("page")
			.replaceQueryParam("size", size)
			.build()
			.toUriString();
	}

	/** The page sizes a user may choose. */
	public java.util.List<Integer> pageSizes() {
		return PageSizes.CHOICES;
	}

	@ControllerAdvice
	static class Advice {

		@ModelAttribute("listLinks")
		ListLinks listLinks(HttpServletRequest request) {
			return new ListLinks(request);
		}

	}

}
