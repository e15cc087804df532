package org.caringmothers.account;

/**
 * What a password must be: at least 8 characters, with at least one letter and one digit,
 * and not the username.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 64;

	/** What the password hash reads of a password: BCrypt stops at 72 bytes. */
	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/**
	 * @return the message key of the problem, or {@code null} when the password is fine
	 */
	static String problem(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			return "password.tooShort";
		}
		if (password.length() > MAX_LENGTH) {
			return "password.tooLong";
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "password.tooLongBytes";
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			return "password.lettersAndDigits";
		}
		if (username != null && password.equalsIgnoreCase(username)) {
			return "password.sameAsUsername";
		}
		return null;
	}

}
