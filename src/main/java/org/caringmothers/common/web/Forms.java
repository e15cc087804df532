package org.caringmothers.common.web;

import java.util.function.Supplier;

import org.caringmothers.common.RuleViolationException;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindingResult;

/** Small helpers for the form controllers. */
public final class Forms {

	/** The global error shown when another user saved the record in the meantime. */
	public static final String CHANGED_BY_OTHER = "error.changedByOther";

	private Forms() {
	}

	/**
	 * The one way a form is handled: when it is valid the action runs and its view is
	 * returned (usually a redirect); a broken rule goes onto the form, and the page with
	 * the form is shown again.
	 */
	public static String submit(BindingResult result, Supplier<String> action, Supplier<String> showAgain) {
		if (!result.hasErrors()) {
			try {
				return action.get();
			}
			catch (RuleViolationException ex) {
				reject(result, ex);
			}
		}
		return showAgain.get();
	}

	/**
	 * {@link #submit(BindingResult, Supplier, Supplier)} for an edit form: when someone
	 * else saved the record meanwhile, {@code onConflict} shows it again (see
	 * {@link EditConflict}).
	 */
	public static String submit(BindingResult result, Supplier<String> action, Supplier<String> showAgain,
			Supplier<String> onConflict) {
		try {
			return submit(result, action, showAgain);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			return onConflict.get();
		}
	}

	/**
	 * When the form already has errors, also checks the service's rules (saving nothing),
	 * so that every problem, the scope and the ID number's check digit included, is shown
	 * in one round rather than one after the next submit. Call before {@code submit}.
	 */
	public static void alsoCheck(BindingResult result, Runnable rules) {
		if (result.hasErrors()) {
			try {
				rules.run();
			}
			catch (RuleViolationException ex) {
				reject(result, ex);
			}
		}
	}

	/**
	 * Puts each broken business rule on its field (one a field already in error does not
	 * repeat), so that the form is shown again.
	 */
	public static void reject(BindingResult result, RuleViolationException violation) {
		for (RuleViolationException broken : violation.violations()) {
			if (broken.field() == null) {
				result.reject(broken.messageKey(), broken.arguments(), null);
			}
			else if (!result.hasFieldErrors(broken.field())) {
				result.rejectValue(broken.field(), broken.messageKey(), broken.arguments(), null);
			}
		}
	}

}
