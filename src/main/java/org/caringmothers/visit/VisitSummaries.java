package org.caringmothers.visit;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visit module's summaries of its contacts (per federation and day or month, and each
 * pairing's last contact), kept by the database in the transaction that changes a contact
 * and published as the views {@code visit_daily_figures}, {@code visit_monthly_figures}
 * and {@code visit_pairing_last_contact}.
 */
@Service
@RequiredArgsConstructor
public class VisitSummaries {

	private final JdbcTemplate jdbc;

	/**
	 * Recomputes the summaries from the contacts.
	 * @return how many summary rows differed from the records before
	 */
	@Transactional
	public long rebuild() {
		return this.jdbc.queryForObject("select visit_summaries_rebuild()", Long.class);
	}

}
