package org.caringmothers.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "aixin-demo-2026", "Qiuhe-2026y", "correct horse battery", "我家门前有两棵树一棵是枣树",
			"山里的孩子爱唱歌，2026年春天", "我家门前有两棵树一棵是枣树另一棵也是枣树我家门前有两棵树一棵是枣树另一棵也是枣树我家门前有两棵树一棵是枣", "lanhua zai shanpo shang kai" })
	void anyCharactersOfEightToSixtyFourThatAreHardToGuess(String password) {
		assertThat(PasswordPolicy.problem(password, "loufan.staff", "刘晓燕")).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "password1, password.guessable", "abcd1234, password.guessable", "12345678, password.guessable",
			"qwertyuiop, password.guessable", "1qaz2wsx3edc, password.guessable", "aaaaaaaaaaaa, password.guessable",
			"爱心妈妈爱心妈妈, password.guessable", "abc123, password.tooShort", "七个汉字的密码, password.tooShort" })
	void guessableOrShortPasswordsAreRefusedWithTheReason(String password, String problem) {
		assertThat(PasswordPolicy.problem(password, "loufan.staff", "刘晓燕")).isEqualTo(problem);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Loufan.Staff#2026", "liuxiaoyan!Shan2026", "刘晓燕的新密码很长2026", "my13912345678phone" })
	void passwordsMadeOfTheUsersOwnWordsAreRefused(String password) {
		assertThat(PasswordPolicy.problem(password, "loufan.staff", "刘晓燕", "13912345678"))
			.isEqualTo("password.personal");
	}

	@ParameterizedTest
	@ValueSource(ints = { 65, 200 })
	void tooLongIsAMessageNotAnError(int length) {
		assertThat(PasswordPolicy.problem("枣".repeat(length), "x")).isEqualTo("password.tooLong");
		assertThat(PasswordPolicy.problem(null, "x")).isEqualTo("password.tooShort");
	}

}
