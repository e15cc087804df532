package org.caringmothers.account.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.web.PageSizes;
import org.caringmothers.account.Account;
import org.caringmothers.account.AccountFilter;
import org.caringmothers.account.AccountForm;
import org.caringmothers.account.AccountService;
import org.caringmothers.account.PasswordResetForm;
import org.caringmothers.account.SecondFactorService;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.common.web.EditConflict;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.Forms;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * Account administration: ADMIN for everyone, STAFF for STAFF and VOLUNTEER of their
 * subtree.
 */
@Controller
@RequestMapping("/accounts")
@RequiredArgsConstructor
class AccountController {

	private static final String FORM = "account/form";

	private static final int PAGE_SIZE = 20;

	private final AccountService accounts;

	private final SecondFactorService secondFactors;

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") AccountFilter filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<Account> results = this.accounts.list(filter, user,
				PageRequest.of(Math.max(page, 0), PageSizes.requested(PAGE_SIZE), Sort.by("username")));
		model.addAttribute("page", results);
		model.addAttribute("roles", roles(user));
		return "account/list";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String federation,
			Model model) {
		AccountForm form = new AccountForm();
		form.setFederationCode(federation);
		form.setRole(Role.STAFF);
		model.addAttribute("form", form);
		return showForm(user, null, model);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal CurrentUser user,
			@Validated({ Default.class, AccountForm.Create.class }) @ModelAttribute("form") AccountForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Forms.alsoCheck(result, () -> this.accounts.checkForm(form, null, user));
		return Forms.submit(result, () -> {
			Account account = this.accounts.create(form, user);
			FlashMessages.success(redirect, "account.created", account.getUsername());
			return "redirect:/accounts";
		}, () -> showForm(user, null, model));
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Account account = this.accounts.get(id, user);
		model.addAttribute("form", AccountForm.of(account));
		model.addAttribute("resetForm", new PasswordResetForm());
		return showForm(user, account, model);
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Account account = this.accounts.get(id, user);
		form.setUsername(account.getUsername());
		model.addAttribute("resetForm", new PasswordResetForm());
		Forms.alsoCheck(result, () -> this.accounts.checkForm(form, id, user));
		return Forms.submit(result, () -> {
			this.accounts.update(id, form, user);
			FlashMessages.success(redirect, "account.updated", account.getUsername());
			return "redirect:/accounts";
		}, () -> showForm(user, account, model), () -> {
			Account current = this.accounts.get(id, user);
			return EditConflict.showAgain(model, AccountForm.of(current), () -> showForm(user, current, model));
		});
	}

	@PostMapping("/{id}/password")
	String resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("resetForm") PasswordResetForm resetForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Account account = this.accounts.get(id, user);
		model.addAttribute("form", AccountForm.of(account));
		return Forms.submit(result, () -> {
			this.accounts.resetPassword(id, resetForm, user);
			FlashMessages.success(redirect, "account.passwordReset", account.getUsername());
			return "redirect:/accounts";
		}, () -> showForm(user, account, model));
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		try {
			Account account = this.accounts.setEnabled(id, enabled, user);
			FlashMessages.success(redirect, enabled ? "account.enabledNow" : "account.disabledNow",
					account.getUsername());
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
		}
		return "redirect:/accounts";
	}

	/**
	 * An administrator removes the second factor of a user who lost her phone: she enrols
	 * again at her next sign-in.
	 */
	@PostMapping("/{id}/second-factor/reset")
	String resetSecondFactor(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		this.secondFactors.reset(id, user);
		FlashMessages.success(redirect, "secondFactor.resetDone", this.accounts.get(id, user).getUsername());
		return "redirect:/accounts";
	}

	/**
	 * The roles the form offers: a caring mother's account is made from her volunteer
	 * record (so that it is linked to her children), never here, and stays a VOLUNTEER
	 * account.
	 */
	private String showForm(CurrentUser user, Account account, Model model) {
		model.addAttribute("account", account);
		boolean volunteer = account != null && account.getRole() == Role.VOLUNTEER;
		model.addAttribute("roles",
				roles(user).stream().filter(role -> (role == Role.VOLUNTEER) == volunteer).toList());
		return FORM;
	}

	private static List<Role> roles(CurrentUser user) {
		Set<Role> manageable = AccountService.manageableRoles(user);
		return List.of(Role.values()).stream().filter(manageable::contains).toList();
	}

}
