package org.caringmothers.volunteer.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.EditConflict;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.ListSort;
import org.caringmothers.common.web.Forms;
import org.caringmothers.volunteer.BackingForm;
import org.caringmothers.common.Gender;
import org.caringmothers.volunteer.Skill;
import org.caringmothers.volunteer.StatusChangeForm;
import org.caringmothers.volunteer.TrainingForm;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.common.excel.SpreadsheetImportController;
import org.caringmothers.volunteer.VolunteerExport;
import org.caringmothers.volunteer.VolunteerFilter;
import org.caringmothers.volunteer.VolunteerForm;
import org.caringmothers.volunteer.VolunteerRole;
import org.caringmothers.volunteer.VolunteerService;
import org.caringmothers.volunteer.VolunteerStatus;

import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register of caring mothers and reserves: list, registration, the volunteer's page
 * with her lifecycle steps, training and backing links, edits and audited reveals.
 */
@Controller
@RequestMapping("/volunteers")
@RequiredArgsConstructor
class VolunteerController {

	private static final String FORM = "volunteer/form";

	private static final String DETAIL = "volunteer/detail";

	private static final int PAGE_SIZE = 20;

	/** Sort parameters and the properties they sort by. */
	private static final Map<String, String> SORTS = Map.of("name", "name", "status", "status", "registered",
			"createdAt");

	private final VolunteerService volunteers;

	private final VolunteerExport exports;

	private final Clock clock;

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("allStatuses", VolunteerStatus.values());
		model.addAttribute("allRoles", VolunteerRole.values());
		model.addAttribute("allSkills", Skill.values());
		model.addAttribute("allGenders", Gender.values());
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") VolunteerFilter filter,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "asc") String dir, Model model) {
		ListSort order = ListSort.of(sort, dir, "name", SORTS);
		model.addAttribute("page", this.volunteers.list(filter, user, order.page(page, PAGE_SIZE)));
		model.addAttribute("counts", this.volunteers.countByStatus(filter, user));
		order.show(model);
		return "volunteer/list";
	}

	/** The station choices of a federation, as options for the form's station select. */
	@GetMapping("/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("filter") VolunteerFilter filter) {
		return SpreadsheetImportController.download(this.exports.export(filter, user),
				"爱心妈妈与志愿者-" + LocalDate.now(this.clock) + ".xlsx");
	}

	@GetMapping("/stations")
	String stations(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String federationCode,
			Model model) {
		model.addAttribute("stations", this.volunteers.stations(federationCode, user));
		model.addAttribute("selectedStation", null);
		return "volunteer/form :: stationOptions";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String federation,
			Model model) {
		VolunteerForm form = new VolunteerForm();
		form.setFederationCode(federation);
		form.setRole(VolunteerRole.MOTHER);
		form.setGender(Gender.FEMALE);
		model.addAttribute("form", form);
		return showForm(user, null, model);
	}

	@PostMapping("/new")
	String register(@AuthenticationPrincipal CurrentUser user,
			@Validated({ Default.class, VolunteerForm.Create.class }) @ModelAttribute("form") VolunteerForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Forms.alsoCheck(result, () -> this.volunteers.checkForm(form, null, user));
		return Forms.submit(result, () -> {
			Volunteer volunteer = this.volunteers.register(form, user);
			FlashMessages.success(redirect, "volunteer.registered", volunteer.getName());
			return "redirect:/volunteers/" + volunteer.getId();

		}, () -> showForm(user, null, model));
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return showDetail(user, id, model);
	}

	@PostMapping("/{id}/reveal")
	String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String field,
			Model model) {
		String value = this.volunteers.reveal(id, field, user);
		model.addAttribute("revealed", Map.of("field", field, "value", value));
		return showDetail(user, id, model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Volunteer volunteer = this.volunteers.get(id, user);
		model.addAttribute("form", VolunteerForm.of(volunteer));
		return showForm(user, volunteer, model);
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") VolunteerForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Volunteer volunteer = this.volunteers.get(id, user);
		Forms.alsoCheck(result, () -> this.volunteers.checkForm(form, id, user));
		return Forms.submit(result, () -> {
			this.volunteers.update(id, form, user);
			FlashMessages.success(redirect, "volunteer.updated", form.getName().trim());
			return "redirect:/volunteers/" + id;
		}, () -> showForm(user, volunteer, model), () -> {
			Volunteer current = this.volunteers.get(id, user);
			return EditConflict.showAgain(model, VolunteerForm.of(current), () -> showForm(user, current, model));
		});
	}

	@PostMapping("/{id}/status")
	String changeStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("statusForm") StatusChangeForm statusForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return onDetail(user, id, result, model, redirect, "volunteer.statusChanged",
				() -> this.volunteers.changeStatus(id, statusForm, user).getName());
	}

	@PostMapping("/{id}/trainings")
	String addTraining(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("trainingForm") TrainingForm trainingForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return onDetail(user, id, result, model, redirect, "volunteer.training.added", () -> {
			this.volunteers.addTraining(id, trainingForm.toParameters(), user);
			return trainingForm.getTopic().trim();
		});
	}

	@PostMapping("/{id}/mothers")
	String back(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("backingForm") BackingForm backingForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return onDetail(user, id, result, model, redirect, "volunteer.backing.added",
				() -> this.volunteers.back(id, backingForm, user).getName());
	}

	@PostMapping("/{id}/mothers/{motherId}/remove")
	String stopBacking(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long motherId,
			RedirectAttributes redirect) {
		Volunteer mother = this.volunteers.stopBacking(id, motherId, user);
		FlashMessages.success(redirect, "volunteer.backing.removed", mother.getName());
		return "redirect:/volunteers/" + id;
	}

	/**
	 * One of the small forms of the volunteer's page: the action's result names the
	 * success message; a broken rule shows the page again with the form's errors.
	 */
	private String onDetail(CurrentUser user, long id, BindingResult result, Model model, RedirectAttributes redirect,
			String successKey, Supplier<Object> action) {
		this.volunteers.get(id, user);
		return Forms.submit(result, () -> {
			FlashMessages.success(redirect, successKey, action.get());
			return "redirect:/volunteers/" + id;
		}, () -> showDetail(user, id, model));
	}

	private String showDetail(CurrentUser user, long id, Model model) {
		model.addAttribute("profile", this.volunteers.profile(id, user));
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", new StatusChangeForm());
		}
		if (!model.containsAttribute("trainingForm")) {
			model.addAttribute("trainingForm", new TrainingForm());
		}
		if (!model.containsAttribute("backingForm")) {
			model.addAttribute("backingForm", new BackingForm());
		}
		return DETAIL;
	}

	private String showForm(CurrentUser user, Volunteer volunteer, Model model) {
		VolunteerForm form = (VolunteerForm) model.getAttribute("form");
		model.addAttribute("volunteer", volunteer);
		model.addAttribute("stations", this.volunteers.stations(form == null ? null : form.getFederationCode(), user));
		model.addAttribute("selectedStation", form == null ? null : form.getStationId());
		return FORM;
	}

}
