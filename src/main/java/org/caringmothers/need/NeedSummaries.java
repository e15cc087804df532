package org.caringmothers.need;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The need module's summaries of its needs (raised, resolved and referred per federation
 * and day or month), kept by the database in the transaction that changes a need and
 * published as the views {@code need_daily_figures} and {@code need_monthly_figures}.
 */
@Service
@RequiredArgsConstructor
public class NeedSummaries {

	private final JdbcTemplate jdbc;

	/**
	 * Recomputes the summaries from the needs (raised, resolved and referred per day and
	 * month; open needs and safety concerns per federation).
	 * @return how many summary rows differed from the records before
	 */
	@Transactional
	public long rebuild() {
		long differences = this.jdbc.queryForObject("select need_summaries_rebuild()", Long.class);
		return differences + this.jdbc.queryForObject("select need_open_rebuild()", Long.class);
	}

}
