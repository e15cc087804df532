package org.caringmothers.federation.web;

import java.util.List;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.web.PageSizes;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.common.web.EditConflict;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.Forms;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationForm;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;
import org.caringmothers.federation.StationForm;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
 * Browsing the federation tree within the user's scope, and editing it (ADMIN, STAFF).
 */
@Controller
@RequestMapping("/federations")
@RequiredArgsConstructor
class FederationController {

	private static final int PAGE_SIZE = 25;

	private final FederationService federations;

	private final FederationPicker picker;

	/**
	 * The tree from the user's own federation down, or search results when {@code q} is
	 * given.
	 */
	@GetMapping
	String tree(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Scope scope = Scope.of(user);
		Federation root = this.federations.get(scope.federationId(), scope);
		model.addAttribute("root", root);
		if (q != null && !q.isBlank()) {
			model.addAttribute("q", q.trim());
			model.addAttribute("results", this.federations.search(q, scope,
					PageRequest.of(Math.max(page, 0), PageSizes.requested(PAGE_SIZE), Sort.by("path"))));
		}
		else {
			addChildren(root, model);
		}
		return "federation/tree";
	}

	/**
	 * The federation picker's suggestions for the typed text (the field's own name or
	 * {@code q}), as options of its datalist.
	 */
	@GetMapping("/options")
	String options(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String federationCode, Model model) {
		model.addAttribute("options", this.picker.suggestions(q != null ? q : federationCode, user));
		return "fragments/federation :: options";
	}

	/**
	 * The children of one federation, as a fragment the tree loads when a node is opened.
	 */
	@GetMapping("/{id}/children")
	String children(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		addChildren(this.federations.get(id, Scope.of(user)), model);
		return "federation/tree :: nodes";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Scope scope = Scope.of(user);
		Federation federation = this.federations.get(id, scope);
		List<Federation> children = this.federations.children(federation);
		model.addAttribute("federation", federation);
		model.addAttribute("ancestors", this.federations.ancestors(federation));
		model.addAttribute("scope", scope);
		model.addAttribute("children", children);
		model.addAttribute("childCounts", this.federations.childCounts(children));
		model.addAttribute("stations", this.federations.stations(federation));
		model.addAttribute("summary", this.federations.summary(federation));
		model.addAttribute("brand", this.federations.programmeName(federation).orElse(null));
		model.addAttribute("canEdit", user.is(Role.ADMIN, Role.STAFF));
		model.addAttribute("settings", this.federations.settings(federation));
		return "federation/detail";
	}

	@GetMapping("/{id}/children/new")
	String newChild(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Federation parent = this.federations.get(id, Scope.of(user));
		FederationForm form = new FederationForm();
		form.setCode(parent.getLevel().acceptsLocalChildren() ? parent.getCode() : "");
		model.addAttribute("form", form);
		return childForm(parent, model);
	}

	@PostMapping("/{id}/children/new")
	String addChild(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") FederationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Scope scope = Scope.of(user);
		Federation parent = this.federations.get(id, scope);
		Forms.alsoCheck(result, () -> this.federations.checkChildForm(id, form, scope));
		return Forms.submit(result, () -> {
			Federation child = this.federations.addChild(id, form, scope);
			FlashMessages.success(redirect, "federation.added", child.getName());
			return "redirect:/federations/" + child.getId();

		}, () -> childForm(parent, model));
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Federation federation = this.federations.get(id, Scope.of(user));
		model.addAttribute("form", FederationForm.of(federation));
		model.addAttribute("federation", federation);
		model.addAttribute("settings", this.federations.settings(federation));
		return "federation/form";
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") FederationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Scope scope = Scope.of(user);
		Federation federation = this.federations.get(id, scope);
		model.addAttribute("federation", federation);
		model.addAttribute("settings", this.federations.settings(federation));
		return Forms.submit(result, () -> {
			this.federations.update(id, form, scope);
			FlashMessages.success(redirect, "federation.updated", form.getName());
			return "redirect:/federations/" + id;
		}, () -> "federation/form", () -> {
			Federation current = this.federations.get(id, scope);
			model.addAttribute("federation", current);
			return EditConflict.showAgain(model, FederationForm.of(current), () -> "federation/form");
		});
	}

	@GetMapping("/{id}/stations/new")
	String newStation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("federation", this.federations.get(id, Scope.of(user)));
		model.addAttribute("form", new StationForm());
		return "federation/station-form";
	}

	@PostMapping("/{id}/stations/new")
	String addStation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") StationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Scope scope = Scope.of(user);
		model.addAttribute("federation", this.federations.get(id, scope));
		return Forms.submit(result, () -> {
			this.federations.addStation(id, form, scope);
			FlashMessages.success(redirect, "station.added", form.getName().trim());
			return "redirect:/federations/" + id;
		}, () -> "federation/station-form");
	}

	private String childForm(Federation parent, Model model) {
		model.addAttribute("parent", parent);
		model.addAttribute("childLevel", parent.getLevel().childLevel());
		return "federation/child-form";
	}

	private void addChildren(Federation parent, Model model) {
		List<Federation> children = this.federations.children(parent);
		model.addAttribute("children", children);
		model.addAttribute("childCounts", this.federations.childCounts(children));
	}

}
