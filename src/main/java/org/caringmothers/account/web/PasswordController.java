package org.caringmothers.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.account.AccountService;
import org.caringmothers.account.PasswordChangeForm;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.Forms;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own password, required at first sign-in for accounts made by
 * others.
 */
@Controller
@RequestMapping("/account/password")
@RequiredArgsConstructor
class PasswordController {

	private static final String VIEW = "account/password";

	private final AccountService accounts;

	private final SecurityContextRepository contextRepository;

	@GetMapping
	String form(@ModelAttribute("form") PasswordChangeForm form) {
		return VIEW;
	}

	@PostMapping
	String change(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") PasswordChangeForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Forms.alsoCheck(result, () -> this.accounts.checkPasswordChange(user, form));
		return Forms.submit(result, () -> {
			long generation = this.accounts.changeOwnPassword(user, form);
			CurrentUser updated = user.withPasswordChanged(generation);
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
			SecurityContextHolder.setContext(context);
			this.contextRepository.saveContext(context, request, response);
			FlashMessages.success(redirect, "password.changed");
			return "redirect:/";
		}, () -> VIEW);
	}

}
