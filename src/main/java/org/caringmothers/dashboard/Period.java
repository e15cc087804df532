package org.caringmothers.dashboard;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a dashboard counts over, both days included.
 *
 * @param kind which kind of period was chosen
 * @param from first day
 * @param to last day
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

	/** The periods offered on the dashboard. */
	public enum Kind {

		THIS_MONTH, LAST_MONTH, QUARTER, YEAR, CUSTOM

	}

	/**
	 * The period of a kind around today; CUSTOM uses the given days (this month when
	 * missing or reversed).
	 */
	public static Period of(Kind kind, LocalDate today, LocalDate from, LocalDate to) {
		Kind chosen = kind == null ? Kind.THIS_MONTH : kind;
		return switch (chosen) {
			case LAST_MONTH -> {
				LocalDate first = today.minusMonths(1).withDayOfMonth(1);
				yield new Period(chosen, first, first.with(TemporalAdjusters.lastDayOfMonth()));
			}
			case QUARTER -> {
				LocalDate first = today.with(IsoFields.DAY_OF_QUARTER, 1);
				yield new Period(chosen, first, first.plusMonths(3).minusDays(1));
			}
			case YEAR -> new Period(chosen, today.withDayOfYear(1), today.with(TemporalAdjusters.lastDayOfYear()));
			case CUSTOM -> (from != null && to != null && !to.isBefore(from)) ? new Period(chosen, from, to)
					: of(Kind.THIS_MONTH, today, null, null);
			default ->
				new Period(Kind.THIS_MONTH, today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
		};
	}

}
