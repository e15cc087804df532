package org.caringmothers.visit;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visit module's summaries of its contacts (per federation and day or month, and each
 * pairing's last contact), kept by the database in the transaction that changes a contact
 * and published as the views {@code visit_daily_figures}, {@code visit_monthly_figures}
 * and {@code visit_pairing_last_contact}; and the care state of the active pairings (due
 * dates and last home visits per federation and day, active pairings per federation),
 * published as {@code visit_care_days} and {@code visit_care_totals}.
 */
@Service
@RequiredArgsConstructor
public class VisitSummaries {

	private final JdbcTemplate jdbc;

	/**
	 * Recomputes the summaries from the contacts, then the care state from the pairings
	 * and their last contacts.
	 * @return how many summary rows differed from the records before
	 */
	@Transactional
	public long rebuild() {
		long differences = this.jdbc.queryForObject("select visit_summaries_rebuild()", Long.class);
		return differences + this.jdbc.queryForObject("select visit_care_rebuild()", Long.class);
	}

}
