package org.caringmothers.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * What a password must be (OWASP ASVS 5.0, V6.2): 8 to 64 characters of any kind, no
 * composition rule, not guessable by a maintained strength estimator (zxcvbn score of at
 * least 3, about 10⁸ guesses), and not containing the person's own username, name or
 * phone number. Any length within the limit is hashed whole (Argon2id), so 64 Chinese
 * characters (192 bytes) are as fine as 64 Latin ones.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 64;

	/** zxcvbn's "safely unguessable" score: at least 10⁸ guesses. */
	static final int MIN_SCORE = 3;

	/** Parts of a name or number shorter than this are too common to refuse. */
	private static final int MIN_PERSONAL = 3;

	private static final Zxcvbn ESTIMATOR = new Zxcvbn();

	private PasswordPolicy() {
	}

	/**
	 * @param personal the person's own words: username, name, phone number (nulls are
	 * skipped)
	 * @return the message key of the problem, or {@code null} when the password is fine
	 */
	static String problem(String password, String... personal) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "password.tooShort";
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			return "password.tooLong";
		}
		String lower = password.toLowerCase(Locale.ROOT);
		List<String> inputs = new ArrayList<>();
		for (String word : personal) {
			if (word == null || word.isBlank()) {
				continue;
			}
			String normalised = word.trim().toLowerCase(Locale.ROOT);
			inputs.add(normalised);
			String stem = UsernameProposer.stem(normalised);
			boolean containsWord = normalised.length() >= MIN_PERSONAL && lower.contains(normalised);
			boolean containsPinyin = stem.length() >= MIN_PERSONAL && !stem.equals(UsernameProposer.FALLBACK)
					&& lower.contains(stem);
			if (containsWord || containsPinyin) {
				return "password.personal";
			}
		}
		if (ESTIMATOR.measure(password, inputs).getScore() < MIN_SCORE) {
			return "password.guessable";
		}
		return null;
	}

}
