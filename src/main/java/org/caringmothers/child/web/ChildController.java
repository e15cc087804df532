package org.caringmothers.child.web;

import java.util.Map;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.child.Child;
import org.caringmothers.child.ChildCategory;
import org.caringmothers.child.ChildFilter;
import org.caringmothers.child.ChildForm;
import org.caringmothers.child.ChildService;
import org.caringmothers.child.ChildStatus;
import org.caringmothers.common.Gender;
import org.caringmothers.child.GuardianRelation;
import org.caringmothers.child.ParentsSituation;
import org.caringmothers.child.RiskLevel;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.EditConflict;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.ListSort;
import org.caringmothers.common.web.Forms;

import org.springframework.data.domain.Page;
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

/** The children's register: list, registration, the child's page, edits and status. */
@Controller
@RequestMapping("/children")
@RequiredArgsConstructor
class ChildController {

	private static final String FORM = "child/form";

	private static final Map<String, String> SORTABLE = Map.of("name", "name", "birthDate", "birthDate", "createdAt",
			"createdAt", "riskLevel", "riskLevel");

	private final ChildService children;

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("allCategories", ChildCategory.values());
		model.addAttribute("allRisks", RiskLevel.values());
		model.addAttribute("allStatuses", ChildStatus.values());
		model.addAttribute("allGenders", Gender.values());
		model.addAttribute("allSituations", ParentsSituation.values());
		model.addAttribute("allRelations", GuardianRelation.values());
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ChildFilter filter,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "asc") String dir, Model model) {
		ListSort order = ListSort.of(sort, dir, "name", SORTABLE);
		Page<Child> children = this.children.list(filter, user, order.page(page, 20));
		model.addAttribute("page", children);
		model.addAttribute("pairedIds", this.children.pairedAmong(children));
		model.addAttribute("counts", this.children.countByStatus(filter, user));
		order.show(model);
		return "child/list";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) String federation, Model model) {
		ChildForm form = new ChildForm();
		form.setFederationCode(federation);
		model.addAttribute("form", form);
		model.addAttribute("child", null);
		return FORM;
	}

	@PostMapping("/new")
	String register(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ChildForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		form.padGuardians();
		model.addAttribute("child", null);
		Forms.alsoCheck(result, () -> this.children.checkForm(form, null, user));
		return Forms.submit(result, () -> {
			Child child = this.children.register(form, user);
			FlashMessages.success(redirect, "child.registered", child.getName());
			return "redirect:/children/" + child.getId();

		}, () -> FORM);
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("child", this.children.view(id, user));
		return "child/detail";
	}

	@PostMapping("/{id}/reveal")
	String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String field,
			@RequestParam(defaultValue = "-1") int index, Model model) {
		String value = this.children.reveal(id, field, index, user);
		model.addAttribute("child", this.children.get(id, user));
		model.addAttribute("revealed", Map.of("field", field, "index", index, "value", value));
		return "child/detail";
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Child child = this.children.get(id, user);
		model.addAttribute("child", child);
		model.addAttribute("form", ChildForm.of(child));
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") ChildForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Child child = this.children.get(id, user);
		form.padGuardians();
		model.addAttribute("child", child);
		Forms.alsoCheck(result, () -> this.children.checkForm(form, id, user));
		return Forms.submit(result, () -> {
			this.children.update(id, form, user);
			FlashMessages.success(redirect, "child.updated", form.getName().trim());
			return "redirect:/children/" + id;
		}, () -> FORM, () -> {
			Child current = this.children.get(id, user);
			model.addAttribute("child", current);
			return EditConflict.showAgain(model, ChildForm.of(current), () -> FORM);
		});
	}

	@PostMapping("/{id}/status")
	String changeStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam ChildStatus status, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			this.children.changeStatus(id, status, reason, user);
			FlashMessages.success(redirect, "child.statusChanged");
		}
		catch (RuleViolationException ex) {
			FlashMessages.error(redirect, ex.messageKey());
		}
		return "redirect:/children/" + id;
	}

	/**
	 * Records the guardian's withdrawal of consent (date and note); a bad date comes back
	 * as a message, and nothing is saved.
	 */
	@PostMapping("/{id}/consent-withdrawal")
	String withdrawConsent(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String withdrawnOn, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			this.children.withdrawConsent(id, parseDate(withdrawnOn), note, user);
			FlashMessages.success(redirect, "child.consentWithdrawal.recorded");
		}
		catch (RuleViolationException ex) {
			FlashMessages.error(redirect, ex.messageKey());
		}
		return "redirect:/children/" + id;
	}

	private static java.time.LocalDate parseDate(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return java.time.LocalDate.parse(value.trim());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new RuleViolationException("withdrawnOn", "child.consentWithdrawal.dateInvalid");
		}
	}

}
