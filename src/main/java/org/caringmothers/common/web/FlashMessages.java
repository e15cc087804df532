package org.caringmothers.common.web;

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

}
