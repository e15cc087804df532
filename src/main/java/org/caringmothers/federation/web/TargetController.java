package org.caringmothers.federation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.EditConflict;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.Forms;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;
import org.caringmothers.federation.TargetForm;
import org.caringmothers.federation.TargetService;
import org.caringmothers.federation.TargetValue;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Setting the three-year-action targets of the federations below one federation, a year
 * at a time (ADMIN, OFFICIAL).
 */
@Controller
@RequestMapping("/targets")
@RequiredArgsConstructor
class TargetController {

	private final TargetService targets;

	private final FederationService federations;

	private final Clock clock;

	@GetMapping
	String own(@AuthenticationPrincipal CurrentUser user) {
		return "redirect:/targets/" + user.federationId();
	}

	@GetMapping("/{id}")
	String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Integer year, Model model) {
		Federation federation = this.federations.get(id, Scope.of(user));
		int chosen = chosenYear(year);
		model.addAttribute("form", this.targets.form(federation, chosen));
		return show(federation, chosen, model);
	}

	@PostMapping("/{id}")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int year,
			@Valid @ModelAttribute("form") TargetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Federation federation = this.federations.get(id, Scope.of(user));
		int chosen = chosenYear(year);
		if (chosen != year) {
			FlashMessages.error(redirect, "target.year", String.valueOf(TargetService.FIRST_YEAR),
					String.valueOf(TargetService.LAST_YEAR));
			return "redirect:/targets/" + id;
		}
		Forms.alsoCheck(result, () -> this.targets.checkForm(id, form, user));
		return Forms.submit(result, () -> {
			this.targets.save(id, year, form, user);
			FlashMessages.success(redirect, "target.saved", federation.getName(), String.valueOf(year));
			return "redirect:/targets/" + id + "?year=" + year;
		}, () -> show(federation, year, model), () -> {
			return EditConflict.showAgain(model, this.targets.form(federation, year),
					() -> show(federation, year, model));
		});
	}

	private String show(Federation federation, int year, Model model) {
		List<Federation> children = this.federations.children(federation);
		List<Federation> all = new ArrayList<>(children);
		all.add(federation);
		Map<Long, Map<Integer, TargetValue>> effective = this.targets.effective(federation, all);
		model.addAttribute("federation", federation);
		model.addAttribute("children", children);
		model.addAttribute("year", year);
		model.addAttribute("years", this.targets.years());
		model.addAttribute("effective", effective);
		model.addAttribute("own", effective.get(federation.getId()).get(year));
		return "federation/targets";
	}

	/**
	 * The year asked for when it is in the action, else this year (within the action).
	 */
	private int chosenYear(Integer year) {
		if (year != null && year >= TargetService.FIRST_YEAR && year <= TargetService.LAST_YEAR) {
			return year;
		}
		int now = LocalDate.now(this.clock).getYear();
		return Math.max(TargetService.FIRST_YEAR, Math.min(TargetService.LAST_YEAR, now));
	}

}
