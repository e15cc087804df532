package org.caringmothers.common.privacy;

import java.util.regex.Pattern;

/** Mainland China mobile numbers: 11 digits starting with 13-19. */
public final class PhoneNumbers {

	private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

	private PhoneNumbers() {
	}

	/**
	 * Removes spaces and dashes people type between the digit groups, and a +86 prefix.
	 */
	public static String normalise(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		return digits;
	}

	public static boolean isValid(String phone) {
		return phone != null && MOBILE.matcher(normalise(phone)).matches();
	}

}
