package org.caringmothers.visit.web;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.web.PageSizes;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.visit.VisitService;
import org.caringmothers.visit.sms.SmsStatus;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff read new contact logs and mark them reviewed, or flag them with a comment the
 * mother sees.
 */
@Controller
@RequestMapping("/visits")
@RequiredArgsConstructor
class VisitReviewController {

	private final VisitService visits;

	@GetMapping("/review")
	String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		var queue = this.visits.reviewQueue(user, PageRequest.of(Math.max(page, 0), PageSizes.requested(20)));
		model.addAttribute("page", queue);
		model.addAttribute("photos", this.visits.photosOf(queue.getContent()));
		model.addAttribute("pairings", this.visits.pairingsOf(queue.getContent()));
		return "visit/review";
	}

	@PostMapping("/remind/{pairingId}")
	String remind(@AuthenticationPrincipal CurrentUser user, @PathVariable long pairingId,
			@RequestParam(required = false) String from, RedirectAttributes redirect) {
		try {
			SmsStatus sms = this.visits.remind(pairingId, user);
			FlashMessages.success(redirect, switch (sms) {
				case PENDING -> "visit.reminded.sms";
				case NOT_CONFIGURED -> "visit.reminded.noGateway";
				default -> "visit.reminded.smsToday";
			});
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
		}
		return "care-gaps".equals(from) ? "redirect:/care-gaps" : "redirect:/";
	}

	@PostMapping("/{id}/review")
	String review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean flag, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		try {
			this.visits.review(id, flag, comment, user);
			FlashMessages.success(redirect, flag ? "visit.flagged" : "visit.reviewed");
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
		}
		return "redirect:/visits/review";
	}

}
