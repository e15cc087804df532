package org.caringmothers.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || (value.indexOf('<') < 0 && value.indexOf('>') < 0);
	}

}
