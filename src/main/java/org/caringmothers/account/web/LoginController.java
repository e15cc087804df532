package org.caringmothers.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String paused, Model model) {
		// the minutes an address paused after many failures must wait (a number or
		// nothing)
		if (paused != null && paused.matches("\\d{1,4}")) {
			model.addAttribute("pausedMinutes", Integer.parseInt(paused));
		}
		return "account/login";
	}

}
