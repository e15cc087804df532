package org.caringmothers.common.web;

import org.springframework.beans.BeanUtils;

/** Helpers for the filter beans of list pages. */
public final class Filters {

	private Filters() {
	}

	/**
	 * A copy of the filter without the given properties, e.g. the counts by status of a
	 * list show every status within the other filters.
	 */
	@SuppressWarnings("unchecked")
	public static <T> T without(T filter, String... properties) {
		T copy = (T) BeanUtils.instantiateClass(filter.getClass());
		BeanUtils.copyProperties(filter, copy, properties);
		return copy;
	}

}
