package org.caringmothers.dashboard;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A federation's monthly ledger (台账): one line for each federation directly below it, one
 * for the records it holds itself, and the total.
 *
 * @param federationId the federation
 * @param code its division code
 * @param name its name
 * @param month the month counted
 * @param rows the lines, the federations below in code order and then its own
 * @param total the sum of the lines
 * @param madeAt when the figures were counted
 */
public record Ledger(long federationId, String code, String name, YearMonth month, List<LedgerRow> rows,
		LedgerRow total, LocalDateTime madeAt) {

	/** Every line with the total last. */
	public List<LedgerRow> rowsAndTotal() {
		return java.util.stream.Stream.concat(this.rows.stream(), java.util.stream.Stream.of(this.total)).toList();
	}

}
