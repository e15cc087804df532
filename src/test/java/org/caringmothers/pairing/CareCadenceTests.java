package org.caringmothers.pairing;

import java.time.LocalDate;

import org.caringmothers.federation.ProgrammeSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CareCadenceTests {

	private static final ProgrammeSettings DEFAULTS = ProgrammeSettings.DEFAULTS;

	@Test
	void aNewPairingIsDueThirtyDaysAfterItBegan() {
		CareCadence cadence = new CareCadence(LocalDate.of(2026, 3, 1), null, null, DEFAULTS);
		assertThat(cadence.nextContactDue()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(cadence.nextHomeVisitDue()).isEqualTo(LocalDate.of(2026, 5, 30));
		assertThat(cadence.isGap(LocalDate.of(2026, 3, 31))).isFalse();
		assertThat(cadence.isGap(LocalDate.of(2026, 4, 1))).isTrue();
		assertThat(cadence.daysOverdue(LocalDate.of(2026, 4, 3))).isEqualTo(3);
	}

	@Test
	void monthEndsCountAsPlainDays() {
		CareCadence fromJanuary31 = new CareCadence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31),
				LocalDate.of(2025, 1, 31), DEFAULTS);
		assertThat(fromJanuary31.nextContactDue()).isEqualTo(LocalDate.of(2025, 3, 2));
		CareCadence fromAugust31 = new CareCadence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 8, 31),
				LocalDate.of(2025, 8, 31), DEFAULTS);
		assertThat(fromAugust31.nextContactDue()).isEqualTo(LocalDate.of(2025, 9, 30));
		assertThat(fromAugust31.nextHomeVisitDue()).isEqualTo(LocalDate.of(2025, 11, 29));
	}

	@Test
	void leapYearsHaveTheirTwentyNinthOfFebruary() {
		CareCadence leap = new CareCadence(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), null, DEFAULTS);
		assertThat(leap.nextContactDue()).isEqualTo(LocalDate.of(2024, 3, 1));
		CareCadence common = new CareCadence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), null, DEFAULTS);
		assertThat(common.nextContactDue()).isEqualTo(LocalDate.of(2025, 3, 2));
		CareCadence onLeapDay = new CareCadence(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29),
				LocalDate.of(2024, 2, 29), DEFAULTS);
		assertThat(onLeapDay.nextContactDue()).isEqualTo(LocalDate.of(2024, 3, 30));
		assertThat(onLeapDay.isGap(LocalDate.of(2024, 3, 30))).isFalse();
		assertThat(onLeapDay.isGap(LocalDate.of(2024, 3, 31))).isTrue();
	}

	@Test
	void aMissingHomeVisitMakesAGapEvenWithRecentCalls() {
		CareCadence cadence = new CareCadence(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 20), null, DEFAULTS);
		assertThat(cadence.nextContactDue()).isEqualTo(LocalDate.of(2026, 5, 20));
		assertThat(cadence.nextHomeVisitDue()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(cadence.isGap(LocalDate.of(2026, 4, 25))).isTrue();
		assertThat(cadence.nextDue()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(cadence.isHomeVisitLate(LocalDate.of(2026, 4, 25))).isTrue();
		assertThat(cadence.isContactLate(LocalDate.of(2026, 4, 25))).isFalse();
		assertThat(cadence.gapSince()).isEqualTo(LocalDate.of(2026, 4, 2));
	}

	@Test
	void aFederationsOwnRulesApply() {
		CareCadence weekly = new CareCadence(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 28), null,
				new ProgrammeSettings(2, 7, 30));
		assertThat(weekly.nextContactDue()).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(weekly.daysSinceContact(LocalDate.of(2027, 1, 1))).isEqualTo(4);
	}

}
