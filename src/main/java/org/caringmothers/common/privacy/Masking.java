package org.caringmothers.common.privacy;

/**
 * How ID and phone numbers appear on every page and export unless a permitted user
 * reveals them: {@code 140123********1234} and {@code 138****5678}.
 */
public final class Masking {

	private Masking() {
	}

	public static String idNumber(String number) {
		if (number == null || number.isBlank()) {
			return "";
		}
		if (number.length() < 10) {
			return "*".repeat(number.length());
		}
		return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
	}

	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return "";
		}
		if (phone.length() < 7) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

}
