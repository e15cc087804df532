package org.caringmothers.common.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import org.springframework.stereotype.Component;

/**
 * The fields a form requires, read from its Bean Validation constraints (NotNull,
 * NotBlank, NotEmpty of the default group), so that the shared form fragment can mark
 * them: {@code ${@requiredFields.of(form)}}.
 */
@Component("requiredFields")
public class RequiredFields {

	private final Validator validator;

	private final Map<Class<?>, String> cache = new ConcurrentHashMap<>();

	RequiredFields(Validator validator) {
		this.validator = validator;
	}

	/** The names of the form's required properties, separated by spaces. */
	public String of(Object form) {
		if (form == null) {
			return "";
		}
		return this.cache.computeIfAbsent(form.getClass(), this::names);
	}

	private String names(Class<?> type) {
		BeanDescriptor bean = this.validator.getConstraintsForClass(type);
		Set<String> names = new TreeSet<>();
		for (PropertyDescriptor property : bean.getConstrainedProperties()) {
			for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
				Class<?> annotation = constraint.getAnnotation().annotationType();
				boolean always = constraint.getGroups().isEmpty() || constraint.getGroups().contains(Default.class);
				if (always && (annotation == NotNull.class || annotation == NotBlank.class
						|| annotation == NotEmpty.class)) {
					names.add(property.getPropertyName());
				}
			}
		}
		return String.join(" ", names);
	}

}
