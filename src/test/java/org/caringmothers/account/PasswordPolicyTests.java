package org.caringmothers.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void acceptsLettersAndDigitsOfEightOrMore() {
		assertThat(PasswordPolicy.problem("aixin-demo-2026", "admin")).isNull();
		assertThat(PasswordPolicy.problem("abcdefg1", "admin")).isNull();
	}

	@Test
	void refusesWeakPasswordsWithTheReason() {
		assertThat(PasswordPolicy.problem("abc123", "admin")).isEqualTo("password.tooShort");
		assertThat(PasswordPolicy.problem(null, "admin")).isEqualTo("password.tooShort");
		assertThat(PasswordPolicy.problem("abcdefghij", "admin")).isEqualTo("password.lettersAndDigits");
		assertThat(PasswordPolicy.problem("1234567890", "admin")).isEqualTo("password.lettersAndDigits");
		assertThat(PasswordPolicy.problem("mother2026", "Mother2026")).isEqualTo("password.sameAsUsername");
		assertThat(PasswordPolicy.problem("a1".repeat(33), "admin")).isEqualTo("password.tooLong");
	}

}
