package org.caringmothers.common.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersAndMaskingTests {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "15935161234", "19900001111", "138 1234 5678", "138-1234-5678",
			"+8613812345678" })
	void acceptsMainlandMobileNumbers(String phone) {
		assertThat(PhoneNumbers.isValid(phone)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12812345678", "1381234567", "138123456789", "03515551234", "1381234567a", "" })
	void refusesAnythingElse(String phone) {
		assertThat(PhoneNumbers.isValid(phone)).isFalse();
	}

	@Test
	void masksIdNumbersAsOnEveryPage() {
		assertThat(Masking.idNumber("140123201503150021")).isEqualTo("140123********0021");
		assertThat(Masking.idNumber(null)).isEmpty();
	}

	@Test
	void masksPhoneNumbersAsOnEveryPage() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone("")).isEmpty();
	}

}
