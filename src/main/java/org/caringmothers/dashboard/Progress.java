package org.caringmothers.dashboard;

import java.util.List;
import java.util.Map;

import org.caringmothers.federation.Federation;

/**
 * A federation's dashboard: its figures for the period, the same figures for each
 * federation directly below it, contacts month by month, and progress against the
 * three-year-action targets (its own, and this year's for each federation below).
 *
 * @param total the federation with everything below it
 * @param rows each federation directly below, in code order
 * @param months contacts in each of the last twelve months, oldest first
 * @param years the federation's target and actual figures in each year of the action
 * @param rowYears the same for each federation below, by federation id
 */
public record Progress(Figures total, Map<Federation, Figures> rows, List<MonthCount> months, List<YearProgress> years,
		Map<Long, List<YearProgress>> rowYears) {

	/**
	 * The progress of a federation below in one year, or null when outside the action.
	 */
	public YearProgress rowYear(Federation federation, int year) {
		return this.rowYears.getOrDefault(federation.getId(), List.of())
			.stream()
			.filter(p -> p.year() == year)
			.findFirst()
			.orElse(null);
	}

}
