package org.caringmothers.volunteer;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteer module's state figures (volunteers per federation, role and status), kept
 * by the database in the transaction that changes a volunteer and published as the view
 * {@code volunteer_federation_figures}.
 */
@Service
@RequiredArgsConstructor
public class VolunteerSummaries {

	private final JdbcTemplate jdbc;

	/**
	 * Recomputes the summary from the volunteers.
	 * @return how many summary rows differed from the records before
	 */
	@Transactional
	public long rebuild() {
		return this.jdbc.queryForObject("select volunteer_summaries_rebuild()", Long.class);
	}

}
