package org.caringmothers.pairing.web;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.caringmothers.child.Child;
import org.caringmothers.child.ChildCategory;
import org.caringmothers.child.ChildService;
import org.caringmothers.child.RiskLevel;
import org.caringmothers.common.web.PageSizes;
import org.caringmothers.pairing.UnpairedFilter;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.pairing.Pairing;
import org.caringmothers.pairing.PairingEndReason;
import org.caringmothers.pairing.PairingService;
import org.caringmothers.pairing.PairingView;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerService;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pairing children with caring mothers, ending pairings, and the children still waiting.
 */
@Controller
@RequestMapping("/pairings")
@RequiredArgsConstructor
class PairingController {

	/** How many suggested mothers the page shows before "show all". */
	static final int SHOWN = 10;

	private final PairingService pairings;

	private final ChildService children;

	private final VolunteerService volunteers;

	private final Clock clock;

	/**
	 * A child's pairing: the current one, its history, and (when unpaired) suggested
	 * mothers.
	 */
	@GetMapping("/child/{childId}")
	String child(@AuthenticationPrincipal CurrentUser user, @PathVariable long childId,
			@RequestParam(defaultValue = "false") boolean all, Model model) {
		Child child = this.children.get(childId, user);
		model.addAttribute("child", child);
		var history = this.pairings.historyOfChild(childId, user);
		model.addAttribute("history", history);
		boolean paired = history.stream().anyMatch(PairingView::isActive);
		if (!paired && !history.isEmpty() && history.get(0).getEndReason() == PairingEndReason.MOTHER_WITHDREW) {
			model.addAttribute("formerMother", history.get(0).getMother());
			model.addAttribute("reserves",
					this.volunteers.profile(history.get(0).getMother().getId(), user).reserves());
		}
		model.addAttribute("paired", paired);
		if (!paired && user.isManager()) {
			var suggestions = this.pairings.suggestionsFor(childId, user);
			model.addAttribute("suggestionCount", suggestions.size());
			model.addAttribute("suggestions", all ? suggestions : suggestions.stream().limit(SHOWN).toList());
		}
		model.addAttribute("reasons", PairingEndReason.values());
		return "pairing/child";
	}

	@PostMapping
	String pair(@AuthenticationPrincipal CurrentUser user, @RequestParam long childId, @RequestParam long motherId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
			RedirectAttributes redirect) {
		Volunteer mother = this.volunteers.get(motherId, user);
		try {
			this.pairings.pair(childId, mother, startDate != null ? startDate : LocalDate.now(this.clock), user);
			FlashMessages.success(redirect, "pairing.created", mother.getName());
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
		}
		return "redirect:/pairings/child/" + childId;
	}

	@PostMapping("/{id}/end")
	String end(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
			@RequestParam(required = false) PairingEndReason reason, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		Pairing pairing = this.pairings.get(id, user);
		try {
			this.pairings.end(id, endDate, reason, note, user);
			FlashMessages.success(redirect, "pairing.ended");
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
		}
		return "redirect:/pairings/child/" + pairing.getChildId();
	}

	/** A mother's pairings. */
	@GetMapping("/mother/{volunteerId}")
	String mother(@AuthenticationPrincipal CurrentUser user, @PathVariable long volunteerId, Model model) {
		Volunteer mother = this.volunteers.get(volunteerId, user);
		model.addAttribute("mother", mother);
		var history = this.pairings.historyOfMother(mother);
		model.addAttribute("history", history);
		model.addAttribute("successors", this.pairings.successorsOf(history));
		model.addAttribute("predecessors", this.pairings.predecessorsOf(history));
		return "pairing/mother";
	}

	/**
	 * Children waiting for a mother: first those whose mother withdrew, then all
	 * unpaired.
	 */
	@GetMapping("/unpaired")
	String unpaired(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") UnpairedFilter filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("needingNewMother", this.pairings.needingANewMother(user));
		Page<Child> waiting = this.pairings.unpaired(filter, user,
				PageRequest.of(Math.max(page, 0), PageSizes.requested(25)));
		model.addAttribute("page", waiting);
		var since = this.pairings.waitingSince(waiting.getContent());
		LocalDate today = LocalDate.now(this.clock);
		var days = new java.util.HashMap<Long, Long>();
		since.forEach((id, day) -> days.put(id, java.time.temporal.ChronoUnit.DAYS.between(day, today)));
		model.addAttribute("waitingSince", since);
		model.addAttribute("waitingDays", days);
		model.addAttribute("allCategories", ChildCategory.values());
		model.addAttribute("allRisks", RiskLevel.values());
		model.addAttribute("allOrders", UnpairedFilter.Order.values());
		return "pairing/unpaired";
	}

}
