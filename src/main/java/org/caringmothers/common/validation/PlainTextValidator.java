package org.caringmothers.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Refuses control characters other than line breaks and tabs; every other character,
 * angle brackets included ("成绩<60"), is accepted and escaped on output.
 */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return isPlain(value);
	}

	/**
	 * Whether the text holds no control character other than line breaks and tabs (true
	 * for null): the rule of every free-text field, including those not bound to a form.
	 */
	public static boolean isPlain(String value) {
		if (value == null) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\n' && c != '\r' && c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
				return false;
			}
		}
		return true;
	}

}
