package org.caringmothers.dashboard;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the ledger's summary: a federation directly below (with everything under
 * it), the records held by the federation itself, or the total.
 *
 * @param kind which of the three
 * @param federationId the federation the line counts
 * @param code its division code
 * @param name its name
 * @param values the figures; a figure without a value is zero
 */
public record LedgerRow(Kind kind, long federationId, String code, String name, Map<LedgerFigure, BigDecimal> values) {

	/** What a line of the summary counts. */
	public enum Kind {

		/** A federation directly below, with everything under it. */
		BRANCH,
		/** The records held by the federation itself, not by any below it. */
		OWN,
		/** The sum of the other lines. */
		TOTAL

	}

	public LedgerRow {
		EnumMap<LedgerFigure, BigDecimal> copy = new EnumMap<>(LedgerFigure.class);
		copy.putAll(values);
		values = Collections.unmodifiableMap(copy);
	}

	public BigDecimal get(LedgerFigure figure) {
		return this.values.getOrDefault(figure, BigDecimal.ZERO);
	}

	/** The figure as written on the page: no trailing zeros, no exponent. */
	public String text(LedgerFigure figure) {
		return get(figure).stripTrailingZeros().toPlainString();
	}

	/** The total of some lines, counted for the federation at the top. */
	static LedgerRow total(long federationId, String code, String name, List<LedgerRow> rows) {
		Map<LedgerFigure, BigDecimal> sums = new EnumMap<>(LedgerFigure.class);
		for (LedgerFigure figure : LedgerFigure.values()) {
			BigDecimal sum = BigDecimal.ZERO;
			for (LedgerRow row : rows) {
				sum = sum.add(row.get(figure));
			}
			sums.put(figure, sum);
		}
		return new LedgerRow(Kind.TOTAL, federationId, code, name, sums);
	}

}
