package org.caringmothers.volunteer;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.caringmothers.common.privacy.IdNumbers;

/**
 * Valid, never repeated ID numbers for volunteer tests. They use the order codes 50-99,
 * which the demo data (00-49) never uses, and a birth date that changes with every
 * number.
 */
public final class TestIdNumbers {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private TestIdNumbers() {
	}

	/** A new number of a woman born in the given county. */
	public static String woman(String countyCode) {
		return next(countyCode, false);
	}

	public static String man(String countyCode) {
		return next(countyCode, true);
	}

	private static String next(String countyCode, boolean male) {
		int n = NEXT.getAndIncrement();
		LocalDate birth = LocalDate.of(1978, 1, 1).plusDays((n * 37L) % 7000);
		int genderDigit = male ? 2 * (n % 5) + 1 : 2 * (n % 5);
		return IdNumbers.withCheckCharacter(countyCode
				+ String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
				+ (50 + n % 50) + genderDigit);
	}

}
