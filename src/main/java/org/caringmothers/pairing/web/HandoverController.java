package org.caringmothers.pairing.web;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.pairing.HandoverService;

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
 * 接替: a leaving caring mother's children handed over to her reserves in one step, from
 * her page.
 */
@Controller
@RequestMapping("/pairings/mother/{id}/handover")
@RequiredArgsConstructor
class HandoverController {

	/** The form's field for a child's reserve: {@code child-<childId>}. */
	static final String CHILD_FIELD = "child-";

	private final HandoverService handovers;

	@GetMapping
	String form(@AuthenticationPrincipal CurrentUser user, @PathVariable("id") long motherId, Model model) {
		model.addAttribute("plan", this.handovers.plan(motherId, user));
		return "pairing/handover";
	}

	@PostMapping
	String handOver(@AuthenticationPrincipal CurrentUser user, @PathVariable("id") long motherId,
			@RequestParam Map<String, String> fields, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Map<Long, Long> reserveByChild = new LinkedHashMap<>();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			if (!field.getKey().startsWith(CHILD_FIELD) || field.getValue() == null || field.getValue().isBlank()) {
				continue;
			}
			Long child = number(field.getKey().substring(CHILD_FIELD.length()));
			Long reserve = number(field.getValue());
			if (child == null || reserve == null) {
				FlashMessages.error(redirect, "handover.child.notHers");
				return "redirect:/pairings/mother/" + motherId + "/handover";
			}
			reserveByChild.put(child, reserve);
		}
		try {
			int count = this.handovers.handOver(motherId, reserveByChild, reason, user);
			FlashMessages.success(redirect, "handover.done", count);
			return "redirect:/pairings/mother/" + motherId;
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
			redirect.addFlashAttribute("reason", reason);
			return "redirect:/pairings/mother/" + motherId + "/handover";
		}
	}

	private static Long number(String text) {
		try {
			return Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
