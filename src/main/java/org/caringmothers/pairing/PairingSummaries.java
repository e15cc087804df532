package org.caringmothers.pairing;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pairing module's yearly figures (pairings and distinct mothers per federation and
 * year of the action), kept by the database in the transaction that changes a pairing or
 * moves its child, and published as the view {@code pairing_year_figures}.
 */
@Service
@RequiredArgsConstructor
public class PairingSummaries {

	private final JdbcTemplate jdbc;

	/**
	 * Recomputes the yearly figures from the pairings.
	 * @return how many summary rows differed from the records before
	 */
	@Transactional
	public long rebuild() {
		return this.jdbc.queryForObject("select pairing_year_rebuild()", Long.class);
	}

}
