package org.caringmothers.visit.web;

import java.time.Instant;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.pairing.PairingView;
import org.caringmothers.visit.VisitService;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "拨打": the caring mother calls a guardian of one of her own children. The full number is
 * given only on this request, which is recorded as her access; everywhere else it stays
 * masked. The button's script asks for JSON and opens {@code tel:} itself; without script
 * the form shows a page with the number to call. The optional {@code calledAt} (the
 * phone's clock) lets a call made offline be recorded when the phone is next online.
 */
@Controller
@RequiredArgsConstructor
class CallController {

	static final String PATH = "/my/pairings/{pairingId}/guardians/{index}/call";

	private final VisitService visits;

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, String> number(@AuthenticationPrincipal CurrentUser user, @PathVariable long pairingId,
			@PathVariable int index,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant calledAt) {
		String number = this.visits.numberToCall(pairingId, index, calledAt, user);
		return Map.of("number", number, "href", "tel:" + number);
	}

	@PostMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long pairingId, @PathVariable int index,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant calledAt,
			Model model) {
		String number = this.visits.numberToCall(pairingId, index, calledAt, user);
		PairingView pairing = this.visits.myPairing(pairingId, user);
		model.addAttribute("pairing", pairing);
		model.addAttribute("guardian", pairing.getChild().getGuardians().get(index));
		model.addAttribute("number", number);
		return "visit/call";
	}

}
