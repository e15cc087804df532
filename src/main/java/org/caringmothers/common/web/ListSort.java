package org.caringmothers.common.web;

import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;

/**
 * The order a list page was asked for, limited to the columns it offers: an unknown
 * column falls back to the first, ties are broken by id. The page shows it through the
 * {@code sort} and {@code dir} model attributes ({@code fragments/lists :: sortable}).
 *
 * @param key the column asked for, as the page names it
 * @param property the entity property it sorts by
 */
public record ListSort(String key, String property, Sort.Direction direction) {

	/**
	 * @param columns the sortable columns, the page's name to the entity's property
	 */
	public static ListSort of(String sort, String dir, String fallback, Map<String, String> columns) {
		String key = columns.containsKey(sort) ? sort : fallback;
		return new ListSort(key, columns.get(key), "desc".equals(dir) ? Sort.Direction.DESC : Sort.Direction.ASC);
	}

	/**
	 * @param size the list's default page size; the user may choose another of
	 * {@link PageSizes#CHOICES}
	 */
	public PageRequest page(int page, int size) {
		return PageRequest.of(Math.max(page, 0), PageSizes.requested(size),
				Sort.by(this.direction, this.property).and(Sort.by("id")));
	}

	/** Adds {@code sort} and {@code dir} for the column headers. */
	public void show(Model model) {
		model.addAttribute("sort", this.key);
		model.addAttribute("dir", (this.direction == Sort.Direction.DESC) ? "desc" : "asc");
	}

}
