package org.caringmothers.visit.web;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.visit.VisitService;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reminders staff sent to mothers, newest first, with where each one's SMS stands.
 */
@Controller
@RequiredArgsConstructor
class ReminderController {

	private final VisitService visits;

	@GetMapping("/reminders")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long mother,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", this.visits.reminders(user, mother, PageRequest.of(Math.max(page, 0), 25)));
		model.addAttribute("mother", mother);
		return "visit/reminders";
	}

}
