package org.caringmothers.common.web;

import java.util.function.Supplier;

import org.springframework.ui.Model;

/**
 * The one answer to an edit that lost a race ({@code Versions.check} or the database's
 * optimistic lock): the form is shown again with the record as it is now and the message
 * that someone else changed it; nothing is overwritten.
 */
public final class EditConflict {

	private EditConflict() {
	}

	/**
	 * @param currentForm a form built from the record as it is now
	 * @param view shows the form (and adds what else the page needs)
	 */
	public static String showAgain(Model model, Object currentForm, Supplier<String> view) {
		model.addAttribute("form", currentForm);
		model.addAttribute("conflict", true);
		return view.get();
	}

}
