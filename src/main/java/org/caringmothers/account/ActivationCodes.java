package org.caringmothers.account;

import java.security.SecureRandom;

/**
 * One-time activation codes: eight digits, easy to type on a phone's number pad and to
 * read from a printed slip. Guessing is bounded by the account's lock-out.
 */
final class ActivationCodes {

	static final int LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private ActivationCodes() {
	}

	static String generate() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append((char) ('0' + RANDOM.nextInt(10)));
		}
		return code.toString();
	}

	/**
	 * The code as typed, without spaces or dashes; {@code null} when it cannot be one.
	 */
	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		String digits = typed.replaceAll("[\\s\\-－—]", "");
		StringBuilder ascii = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			char c = digits.charAt(i);
			// full-width digits typed on a Chinese keyboard
			if (c >= '０' && c <= '９') {
				c = (char) ('0' + (c - '０'));
			}
			ascii.append(c);
		}
		String code = ascii.toString();
		return code.length() == LENGTH && code.chars().allMatch(ch -> ch >= '0' && ch <= '9') ? code : null;
	}

	/** The code grouped for reading aloud and printing: {@code 1234 5678}. */
	static String display(String code) {
		return code.substring(0, 4) + " " + code.substring(4);
	}

}
