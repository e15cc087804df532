package org.caringmothers.visit.web;

import org.caringmothers.need.NeedCategory;
import org.caringmothers.need.Urgency;
import org.caringmothers.visit.CareType;
import org.caringmothers.visit.ChildMood;
import org.caringmothers.visit.ContactMode;

import org.springframework.ui.Model;

/** The choices of the contact form, online and in the offline shell alike. */
final class ContactChoices {

	private ContactChoices() {
	}

	static void addTo(Model model) {
		model.addAttribute("modes", ContactMode.values());
		model.addAttribute("careTypes", CareType.values());
		model.addAttribute("moods", ChildMood.values());
		model.addAttribute("needCategories", NeedCategory.values());
		model.addAttribute("urgencies", Urgency.values());
	}

}
