package org.caringmothers.common.web;

import java.io.Serializable;
import java.util.List;

import org.caringmothers.common.RuleViolationException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The flash message shown once after a redirect, as a message key and its arguments. */
public final class FlashMessages {

	private FlashMessages() {
	}

	public static void success(RedirectAttributes attributes, String key, Object... arguments) {
		attributes.addFlashAttribute("flashSuccess", key);
		attributes.addFlashAttribute("flashArgs", arguments);
	}

	public static void error(RedirectAttributes attributes, String key, Object... arguments) {
		attributes.addFlashAttribute("flashError", key);
		attributes.addFlashAttribute("flashArgs", arguments);
	}

	/**
	 * Every rule a refused action broke, shown together after the redirect: one message
	 * as the usual error, several as a summary list (fragments/alerts.html) that takes
	 * the focus.
	 */
	public static void refused(RedirectAttributes attributes, RuleViolationException refused) {
		error(attributes, refused.messageKey(), refused.arguments());
		List<RuleViolationException> all = refused.violations();
		if (all.size() > 1) {
			attributes.addFlashAttribute("flashErrors",
					all.stream().map(broken -> new Message(broken.messageKey(), broken.arguments())).toList());
		}
	}

	/** A message key and its arguments, kept in the session until the next page. */
	public record Message(String key, Object[] arguments) implements Serializable {
	}

}
