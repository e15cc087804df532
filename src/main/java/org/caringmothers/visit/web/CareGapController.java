package org.caringmothers.visit.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.visit.CareGapFilter;
import org.caringmothers.visit.CareGapKind;
import org.caringmothers.visit.CareGapList;
import org.caringmothers.visit.VisitService;
import org.caringmothers.volunteer.Volunteer;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The full list of care gaps in the staff member's scope (the home page shows the ten
 * most overdue), by township, mother and what is late.
 */
@Controller
@RequiredArgsConstructor
class CareGapController {

	static final int PAGE_SIZE = 25;

	private final VisitService visits;

	private final MessageSource messages;

	@GetMapping("/care-gaps")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long township,
			@RequestParam(required = false) Long mother, @RequestParam(required = false) CareGapKind kind,
			@RequestParam(defaultValue = "false") boolean recent, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		CareGapFilter filter = new CareGapFilter(township, mother, kind, recent);
		CareGapList list = this.visits.careGapList(user, filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("page", list.page());
		model.addAttribute("townships", list.townships());
		Map<Long, String> mothers = new LinkedHashMap<>();
		for (Volunteer m : list.mothers()) {
			mothers.put(m.getId(), this.messages.getMessage("careGaps.motherOption",
					new Object[] { m.getName(), m.getMaskedPhone() }, locale));
		}
		model.addAttribute("motherOptions", mothers);
		model.addAttribute("kinds", CareGapKind.values());
		model.addAttribute("filter", filter);
		model.addAttribute("remindersBySms", this.visits.remindersBySms());
		return "visit/care-gaps";
	}

}
