package org.caringmothers.common.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * 居民身份证号 (GB 11643-1999): 17 digits and a check character (0-9 or X) computed with the
 * ISO 7064 MOD 11-2 weights. Digits 7-14 are the birth date; the 17th digit is odd for
 * men and even for women.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	/** Upper-cases a trailing x and trims; {@code null} stays {@code null}. */
	public static String normalise(String number) {
		return number == null ? null : number.trim().toUpperCase(Locale.ROOT);
	}

	/**
	 * The normalised number, or {@code null} when there is none: what tells the people of
	 * an import's rows apart.
	 */
	public static String identity(String number) {
		String normalised = normalise(number);
		return normalised == null || normalised.isEmpty() ? null : normalised;
	}

	/**
	 * Checks the form, the birth date and the check character.
	 * @return the message key of the problem, or {@code null} when the number is valid
	 */
	public static String problem(String number) {
		String id = normalise(number);
		if (id == null || id.length() != 18) {
			return "idNumber.length";
		}
		for (int i = 0; i < 17; i++) {
			if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
				return "idNumber.digits";
			}
		}
		char last = id.charAt(17);
		if (!(last >= '0' && last <= '9') && last != 'X') {
			return "idNumber.digits";
		}
		int province = Integer.parseInt(id.substring(0, 2));
		if (province < 11 || province > 82) {
			return "idNumber.region";
		}
		if (birthDate(id) == null) {
			return "idNumber.birthDate";
		}
		if (checkCharacter(id) != last) {
			return "idNumber.checkDigit";
		}
		return null;
	}

	/**
	 * Checks a number and that the birth date and gender given beside it agree with it.
	 * @return the message key of the problem, or {@code null} when all agree
	 */
	public static String problem(String number, LocalDate birthDate, boolean male) {
		String problem = problem(number);
		if (problem != null) {
			return problem;
		}
		if (!birthDate(number).equals(birthDate)) {
			return "idNumber.birthDateMismatch";
		}
		if (male(number) != male) {
			return "idNumber.genderMismatch";
		}
		return null;
	}

	public static boolean isValid(String number) {
		return problem(number) == null;
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String number) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** The birth date written in the number, or {@code null} when it is no real date. */
	public static LocalDate birthDate(String number) {
		String id = normalise(number);
		try {
			return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
					Integer.parseInt(id.substring(12, 14)));
		}
		catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

	/** Whether the number belongs to a man (odd 17th digit). */
	public static boolean male(String number) {
		return (normalise(number).charAt(16) - '0') % 2 == 1;
	}

	/**
	 * Completes 17 digits with their check character, for generated test and demo data.
	 */
	public static String withCheckCharacter(String first17) {
		return first17 + checkCharacter(first17);
	}

}
