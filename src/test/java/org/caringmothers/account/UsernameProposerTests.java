package org.caringmothers.account;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameProposerTests {

	@ParameterizedTest
	@CsvSource({ "王秀英, wangxiuying", "吕桂兰, lvguilan", "欧阳 春燕, ouyangchunyan", "Anna Li, annali", "'', mama",
			"·, mama" })
	void theStemIsThePinyinOfTheName(String name, String stem) {
		assertThat(UsernameProposer.stem(name)).isEqualTo(stem);
	}

	@Test
	void aProposalIsTheStemAndTwoDigitsAndFitsTheUsernameRule() {
		String proposal = UsernameProposer.propose("王秀英", name -> false);
		assertThat(proposal).matches("wangxiuying[1-9][0-9]").matches(AccountService.USERNAME_PATTERN);
		assertThat(UsernameProposer.propose("王".repeat(40), name -> false)).matches(AccountService.USERNAME_PATTERN);
	}

	@Test
	void takenNamesAreNeverProposedAndMoreDigitsFollowWhenTwoAreUsedUp() {
		Set<String> taken = new HashSet<>();
		for (int i = 10; i < 100; i++) {
			taken.add("lilan" + i);
		}
		String proposal = UsernameProposer.propose("李兰", taken::contains);
		assertThat(taken).doesNotContain(proposal);
		assertThat(proposal).matches("lilan[1-9][0-9]{2}");
	}

}
