package org.caringmothers.dashboard;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTests {

	private final LocalDate today = LocalDate.of(2024, 2, 29);

	@Test
	void periodsAroundToday() {
		assertThat(Period.of(Period.Kind.THIS_MONTH, this.today, null, null))
			.isEqualTo(new Period(Period.Kind.THIS_MONTH, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
		assertThat(Period.of(Period.Kind.LAST_MONTH, this.today, null, null))
			.isEqualTo(new Period(Period.Kind.LAST_MONTH, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)));
		assertThat(Period.of(Period.Kind.QUARTER, this.today, null, null))
			.isEqualTo(new Period(Period.Kind.QUARTER, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)));
		assertThat(Period.of(Period.Kind.YEAR, this.today, null, null))
			.isEqualTo(new Period(Period.Kind.YEAR, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
	}

	@Test
	void aCustomPeriodNeedsTwoDaysInOrder() {
		assertThat(Period.of(Period.Kind.CUSTOM, this.today, LocalDate.of(2023, 5, 1), LocalDate.of(2023, 6, 30)).to())
			.isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(
				Period.of(Period.Kind.CUSTOM, this.today, LocalDate.of(2023, 6, 30), LocalDate.of(2023, 5, 1)).kind())
			.isEqualTo(Period.Kind.THIS_MONTH);
	}

}
