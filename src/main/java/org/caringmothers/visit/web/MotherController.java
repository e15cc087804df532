package org.caringmothers.visit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.EditConflict;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.PageSizes;
import org.caringmothers.common.web.Forms;
import org.caringmothers.pairing.PairingView;
import org.caringmothers.visit.ChildMood;
import org.caringmothers.visit.ContactMode;
import org.caringmothers.visit.Visit;
import org.caringmothers.visit.VisitForm;
import org.caringmothers.visit.VisitService;

import org.springframework.data.domain.PageRequest;
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
 * The caring mother's phone: log a contact with one of her children, correct it for a
 * week.
 */
@Controller
@RequestMapping("/my")
@RequiredArgsConstructor
class MotherController {

	private static final String FORM = "visit/form";

	private static final int ENTRIES_PAGE = 20;

	private final VisitService visits;

	private final Clock clock;

	@ModelAttribute
	void choices(Model model) {
		ContactChoices.addTo(model);
	}

	@GetMapping("/pairings/{pairingId}/visits/new")
	String newVisit(@AuthenticationPrincipal CurrentUser user, @PathVariable long pairingId, Model model) {
		PairingView pairing = this.visits.myPairing(pairingId, user);
		VisitForm form = new VisitForm();
		form.setVisitDate(LocalDate.now(this.clock));
		form.setMode(ContactMode.HOME_VISIT);
		form.setDurationMinutes(60);
		form.setChildMood(ChildMood.GOOD);
		form.setClientToken(UUID.randomUUID().toString());
		model.addAttribute("form", form);
		return showForm(pairing, null, model);
	}

	@PostMapping("/pairings/{pairingId}/visits")
	String log(@AuthenticationPrincipal CurrentUser user, @PathVariable long pairingId,
			@Valid @ModelAttribute("form") VisitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		PairingView pairing = this.visits.myPairing(pairingId, user);
		form.padGifts();
		Forms.alsoCheck(result, () -> this.visits.checkNewContact(pairing, form, user));
		return Forms.submit(result, () -> {
			this.visits.log(pairing, form, user);
			FlashMessages.success(redirect, "visit.logged", pairing.getChild().getName());
			return "redirect:/";
		}, () -> showForm(pairing, null, model));
	}

	/**
	 * All her entries that she may still correct (her home page shows the latest few of
	 * each child), on one child or all of them, a page at a time.
	 */
	@GetMapping("/visits")
	String entries(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long pairing,
			@RequestParam(defaultValue = "0") int page, Model model) {
		PairingView chosen = (pairing != null) ? this.visits.myPairing(pairing, user) : null;
		model.addAttribute("pairing", chosen);
		var entries = this.visits.myRecentEntries(user, chosen,
				PageRequest.of(Math.max(page, 0), PageSizes.requested(ENTRIES_PAGE)));
		model.addAttribute("page", entries);
		model.addAttribute("pairings", (chosen != null) ? java.util.Map.of(chosen.getId(), chosen)
				: this.visits.pairingsOf(entries.getContent()));
		return "visit/entries";
	}

	@GetMapping("/visits/{id}/edit")
	String editVisit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Visit visit = this.visits.myVisit(id, user);
		model.addAttribute("form", VisitForm.of(visit));
		return showForm(this.visits.pairingOf(visit), visit, model);
	}

	@PostMapping("/visits/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") VisitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Visit visit = this.visits.myVisit(id, user);
		form.padGifts();
		Forms.alsoCheck(result, () -> this.visits.checkForm(visit.getPairingId(), id, form, user));
		return Forms.submit(result, () -> {
			this.visits.update(id, form, user);
			FlashMessages.success(redirect, "visit.updated", this.visits.pairingOf(visit).getChild().getName());
			return "redirect:/";
		}, () -> showForm(this.visits.pairingOf(visit), visit, model), () -> {
			Visit current = this.visits.myVisit(id, user);
			return EditConflict.showAgain(model, VisitForm.of(current),
					() -> showForm(this.visits.pairingOf(current), current, model));
		});
	}

	private String showForm(PairingView pairing, Visit visit, Model model) {
		model.addAttribute("pairing", pairing);
		model.addAttribute("visit", visit);
		var recent = this.visits.recent(pairing);
		model.addAttribute("recent", recent);
		model.addAttribute("photos", this.visits.photosOf(recent));
		model.addAttribute("visitPhotos", (visit != null)
				? this.visits.photosOf(List.of(visit)).getOrDefault(visit.getId(), List.of()) : List.of());
		model.addAttribute("now", this.clock.instant());
		return FORM;
	}

}
