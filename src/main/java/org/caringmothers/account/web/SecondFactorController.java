package org.caringmothers.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.caringmothers.account.SecondFactorService;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor: the code asked after the password, and the enrolment of an
 * authenticator app (at the first sign-in of a role that requires it, or by a caring
 * mother from her own account page).
 */
@Controller
@RequiredArgsConstructor
class SecondFactorController {

	private static final String CODE_VIEW = "account/code";

	private static final String ENROL_VIEW = "account/second-factor";

	private final SecondFactorService secondFactors;

	private final SecurityContextRepository contextRepository;

	@GetMapping("/login/code")
	String codeForm() {
		return CODE_VIEW;
	}

	@PostMapping("/login/code")
	String code(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String code, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			this.secondFactors.verify(user, code, request.getRemoteAddr());
		}
		catch (RuleViolationException ex) {
			model.addAttribute("codeError", ex.messageKey());
			return CODE_VIEW;
		}
		signedIn(user, request, response);
		return "redirect:/";
	}

	@GetMapping("/account/second-factor")
	String enrolForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		return showEnrolment(user, model);
	}

	@PostMapping("/account/second-factor")
	String enrol(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String code, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		List<String> codes;
		try {
			codes = this.secondFactors.confirmEnrolment(user, code, request.getRemoteAddr());
		}
		catch (RuleViolationException ex) {
			model.addAttribute("codeError", ex.messageKey());
			return showEnrolment(user, model);
		}
		if (user.pendingStep() != null) {
			signedIn(user, request, response);
		}
		// shown this once: only their hashes are kept
		model.addAttribute("recoveryCodes", codes.stream().map(SecondFactorService::display).toList());
		return "account/recovery-codes";
	}

	private String showEnrolment(CurrentUser user, Model model) {
		SecondFactorService.Status status = this.secondFactors.status(user);
		model.addAttribute("status", status);
		if (!status.enrolled()) {
			model.addAttribute("enrolment", this.secondFactors.startEnrolment(user));
		}
		return ENROL_VIEW;
	}

	/** Her second factor passed: her role's authority, in a new session id. */
	private void signedIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		CurrentUser passed = user.withSecondFactorPassed();
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(passed, null, passed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
	}

}
