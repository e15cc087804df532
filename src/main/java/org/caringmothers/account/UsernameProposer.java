package org.caringmothers.account;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Proposes a sign-in name from a person's name: its pinyin without tones, then digits,
 * e.g. 王秀英 → {@code wangxiuying27}. Never a phone number, which would show unmasked in
 * lists and logs and would let anyone who knows it lock her out.
 */
final class UsernameProposer {

	/** Letters kept from the name, so that the digits always fit the 40 allowed. */
	private static final int MAX_STEM = 30;

	static final String FALLBACK = "mama";

	private static final SecureRandom RANDOM = new SecureRandom();

	private UsernameProposer() {
	}

	/**
	 * A proposal that {@code taken} does not reject: two digits, or more digits when the
	 * two-digit names of this stem are used up.
	 */
	static String propose(String name, Predicate<String> taken) {
		String stem = stem(name);
		for (int digits = 2; digits <= 6; digits++) {
			int bound = (int) Math.pow(10, digits);
			int floor = bound / 10;
			for (int attempt = 0; attempt < 20; attempt++) {
				String candidate = stem + (floor + RANDOM.nextInt(bound - floor));
				if (!taken.test(candidate)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("No free username for " + stem);
	}

	/** The lower-case pinyin (or Latin letters) of a name, without tones or spaces. */
	static String stem(String name) {
		HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
		format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		format.setVCharType(HanyuPinyinVCharType.WITH_V);
		StringBuilder stem = new StringBuilder();
		String text = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC);
		for (int i = 0; i < text.length() && stem.length() < MAX_STEM; i++) {
			char c = text.charAt(i);
			if (c < 128) {
				if (Character.isLetter(c)) {
					stem.append(Character.toLowerCase(c));
				}
				continue;
			}
			try {
				String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, format);
				if (readings != null && readings.length > 0) {
					stem.append(readings[0].replaceAll("[^a-z]", ""));
				}
			}
			catch (BadHanyuPinyinOutputFormatCombination ex) {
				throw new IllegalStateException(ex);
			}
		}
		String result = stem.length() > MAX_STEM ? stem.substring(0, MAX_STEM) : stem.toString();
		return result.length() < 2 ? FALLBACK : result.toLowerCase(Locale.ROOT);
	}

}
