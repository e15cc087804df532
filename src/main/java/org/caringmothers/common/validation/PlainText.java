package org.caringmothers.common.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Free text: any printable character is accepted (everything is escaped on output),
 * control characters other than line breaks and tabs are refused.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{validation.plainText}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
