package org.caringmothers.child;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child module's state figures (children per federation and status, and per
 * category), kept by the database in the transaction that changes a child or her
 * categories and published as the views {@code child_federation_figures} and
 * {@code child_category_figures}.
 */
@Service
@RequiredArgsConstructor
public class ChildSummaries {

	private final JdbcTemplate jdbc;

	/**
	 * Recomputes the summaries from the children.
	 * @return how many summary rows differed from the records before
	 */
	@Transactional
	public long rebuild() {
		return this.jdbc.queryForObject("select child_summaries_rebuild()", Long.class);
	}

}
