package org.caringmothers.common.privacy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "11010519491231002x", "440524188001010014", "14012320150315002X",
			"140927201206300035", " 140927201206300035 " })
	void acceptsValidNumbersIncludingTheStandardsOwnExamples(String number) {
		assertThat(IdNumbers.problem(number)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "110105194912310021, idNumber.checkDigit", "440524188001010015, idNumber.checkDigit",
			"14092720120630003, idNumber.length", "1409272012063000355, idNumber.length",
			"14092720120630003A, idNumber.digits", "1409272O1206300035, idNumber.digits",
			"140927201302300035, idNumber.birthDate", "140927201213010035, idNumber.birthDate",
			"000927201206300035, idNumber.region" })
	void refusesInvalidNumbersWithTheReason(String number, String reason) {
		assertThat(IdNumbers.problem(number)).isEqualTo(reason);
	}

	@Test
	void readsBirthDateAndGender() {
		assertThat(IdNumbers.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(IdNumbers.male("11010519491231002X")).isFalse();
		assertThat(IdNumbers.male("140927201206300035")).isTrue();
	}

	@Test
	void completesGeneratedNumbersWithTheirCheckCharacter() {
		assertThat(IdNumbers.withCheckCharacter("11010519491231002")).isEqualTo("11010519491231002X");
		assertThat(IdNumbers.isValid(IdNumbers.withCheckCharacter("14012320100101123"))).isTrue();
	}

}
