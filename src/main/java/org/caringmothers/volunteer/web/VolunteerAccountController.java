package org.caringmothers.volunteer.web;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.account.Activation;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.Forms;
import org.caringmothers.common.web.QrCode;
import org.caringmothers.volunteer.SignInNameForm;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A caring mother's sign-in account, made from her record by county staff: the account
 * with a proposed sign-in name, the one-time activation code shown once on a printable
 * slip with a QR code, a new code, or a replacement account.
 */
@Controller
@RequestMapping("/volunteers/{id}/account")
@RequiredArgsConstructor
class VolunteerAccountController {

	/** The flash attribute that carries a new code to the slip, once. */
	private static final String ACTIVATION = "activation";

	private final VolunteerService volunteers;

	/**
	 * The form to give her an account (or to replace it), with a proposed sign-in name.
	 */
	@GetMapping
	String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		SignInNameForm form = new SignInNameForm();
		form.setUsername(this.volunteers.proposeUsername(id, user));
		model.addAttribute("nameForm", form);
		return showForm(user, id, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("nameForm") SignInNameForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return issue(user, id, form, result, model, redirect, false);
	}

	@PostMapping("/replace")
	String replace(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("nameForm") SignInNameForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return issue(user, id, form, result, model, redirect, true);
	}

	@PostMapping("/code")
	String reissue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute(ACTIVATION, this.volunteers.reissueActivation(id, user));
		}
		catch (RuleViolationException ex) {
			FlashMessages.error(redirect, ex.messageKey());
			return "redirect:/volunteers/" + id;
		}
		return "redirect:/volunteers/" + id + "/account/slip";
	}

	/**
	 * The printable slip with her sign-in name, the code and a QR code of the activation
	 * address. The code is shown on the request right after it was made and never again.
	 */
	@GetMapping("/slip")
	String slip(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Volunteer volunteer = this.volunteers.get(id, user);
		model.addAttribute("volunteer", volunteer);
		model.addAttribute("brand", this.volunteers.programmeName(volunteer));
		if (model.getAttribute(ACTIVATION) instanceof Activation activation) {
			String address = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/activate")
				.queryParam("u", activation.username())
				.build()
				.toUriString();
			model.addAttribute("address", address);
			model.addAttribute("qr", QrCode.of(address));
		}
		return "volunteer/slip";
	}

	private String issue(CurrentUser user, long id, SignInNameForm form, BindingResult result, Model model,
			RedirectAttributes redirect, boolean replace) {
		if (!result.hasErrors()) {
			try {
				Activation activation = replace ? this.volunteers.replaceAccount(id, form.getUsername(), user)
						: this.volunteers.createAccount(id, form.getUsername(), user);
				redirect.addFlashAttribute(ACTIVATION, activation);
				return "redirect:/volunteers/" + id + "/account/slip";
			}
			catch (RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		return showForm(user, id, model);
	}

	private String showForm(CurrentUser user, long id, Model model) {
		model.addAttribute("profile", this.volunteers.profile(id, user));
		return "volunteer/account";
	}

}
