package org.caringmothers.common.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The fields the forms of a page require, read from their Bean Validation constraints
 * (NotNull, NotBlank, NotEmpty of the default group) and handed to the page as
 * {@code requiredFieldNames}, so that the shared form fragment can mark them.
 */
@Component
class RequiredFields implements HandlerInterceptor {

	private final Validator validator;

	private final Map<Class<?>, String> cache = new ConcurrentHashMap<>();

	RequiredFields(Validator validator) {
		this.validator = validator;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || modelAndView.getViewName() == null
				|| modelAndView.getViewName().startsWith("redirect:")) {
			return;
		}
		Set<String> names = new TreeSet<>();
		for (Object value : modelAndView.getModel().values()) {
			if (value != null && value.getClass().getSimpleName().endsWith("Form")) {
				for (String name : of(value).split(" ")) {
					if (!name.isEmpty()) {
						names.add(name);
					}
				}
			}
		}
		modelAndView.addObject("requiredFieldNames", String.join(" ", names));
	}

	/** The names of the form's required properties, separated by spaces. */
	String of(Object form) {
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
