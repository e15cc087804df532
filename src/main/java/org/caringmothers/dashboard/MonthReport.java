package org.caringmothers.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A month a federation has closed and reported upward (上报), with its ledger as reported.
 *
 * @param id the report
 * @param month the month
 * @param closedAt when it was closed
 * @param closedBy who closed it
 * @param rows the summary lines as reported, the total last
 */
public record MonthReport(long id, YearMonth month, Instant closedAt, String closedBy, List<LedgerRow> rows) {

	/** When it was closed, in the server's time zone. */
	public java.time.LocalDateTime closedAtLocal() {
		return java.time.LocalDateTime.ofInstant(this.closedAt, java.time.ZoneId.systemDefault());
	}

	public LedgerRow total() {
		return this.rows.get(this.rows.size() - 1);
	}

}
