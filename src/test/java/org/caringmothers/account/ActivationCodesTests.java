package org.caringmothers.account;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActivationCodesTests {

	@Test
	void codesAreEightDigitsAndVary() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String code = ActivationCodes.generate();
			assertThat(code).matches("[0-9]{8}");
			codes.add(code);
		}
		assertThat(codes).hasSizeGreaterThan(190);
	}

	@Test
	void typedCodesMayHaveSpacesDashesAndFullWidthDigits() {
		assertThat(ActivationCodes.normalise("1234 5678")).isEqualTo("12345678");
		assertThat(ActivationCodes.normalise(" 1234-5678 ")).isEqualTo("12345678");
		assertThat(ActivationCodes.normalise("１２３４５６７８")).isEqualTo("12345678");
		assertThat(ActivationCodes.normalise("1234567")).isNull();
		assertThat(ActivationCodes.normalise("1234567a")).isNull();
		assertThat(ActivationCodes.normalise("١٢٣٤٥٦٧٨")).isNull();
		assertThat(ActivationCodes.normalise(null)).isNull();
		assertThat(ActivationCodes.display("12345678")).isEqualTo("1234 5678");
	}

}
