package org.caringmothers.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.account.AccountService;
import org.caringmothers.account.ActivationForm;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.Forms;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * First sign-in of a caring mother from her slip: the sign-in name and the one-time code
 * on it are exchanged for a password of her own, and she is signed in.
 */
@Controller
@RequestMapping("/activate")
@RequiredArgsConstructor
class ActivationController {

	private static final String VIEW = "account/activate";

	private final AccountService accounts;

	private final UserDetailsService userDetails;

	private final SecurityContextRepository contextRepository;

	/** The slip's QR code opens this page with her username filled in. */
	@GetMapping
	String form(@RequestParam(name = "u", required = false) String username,
			@ModelAttribute("form") ActivationForm form) {
		if (username != null && username.length() <= 40) {
			form.setUsername(username);
		}
		return VIEW;
	}

	@PostMapping
	String activate(@Valid @ModelAttribute("form") ActivationForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return clearPasswords(form);
		}
		String username;
		try {
			username = this.accounts.activate(form);
		}
		catch (RuleViolationException ex) {
			Forms.reject(result, ex);
			return clearPasswords(form);
		}
		UserDetails user = this.userDetails.loadUserByUsername(username);
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
		FlashMessages.success(redirect, "activation.done");
		return "redirect:/";
	}

	private static String clearPasswords(ActivationForm form) {
		form.setNewPassword(null);
		form.setConfirmPassword(null);
		return VIEW;
	}

}
