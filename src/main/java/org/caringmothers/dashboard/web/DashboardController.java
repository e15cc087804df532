package org.caringmothers.dashboard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.dashboard.DashboardService;
import org.caringmothers.dashboard.Period;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The progress dashboard of a federation in the user's scope: its figures for a period
 * and the same figures for each federation below it, each row drilling down.
 */
@Controller
@RequiredArgsConstructor
class DashboardController {

	private final DashboardService dashboards;

	private final FederationService federations;

	private final Clock clock;

	@GetMapping("/dashboard")
	String own(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Period.Kind period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		return show(user, user.federationId(), period, from, to, model);
	}

	@GetMapping("/dashboard/{federationId}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long federationId,
			@RequestParam(required = false) Period.Kind period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		Scope scope = Scope.of(user);
		Federation federation = this.federations.get(federationId, scope);
		Period chosen = Period.of(period, LocalDate.now(this.clock), from, to);
		List<Federation> children = this.federations.children(federation);
		model.addAttribute("federation", federation);
		model.addAttribute("ancestors", this.federations.ancestors(federation).stream().filter(scope::covers).toList());
		model.addAttribute("period", chosen);
		model.addAttribute("kinds", Period.Kind.values());
		model.addAttribute("figures", this.dashboards.figures(federation, chosen));
		model.addAttribute("rows", this.dashboards.compare(children, chosen));
		model.addAttribute("asOf", LocalDateTime.now(this.clock));
		return "dashboard/progress";
	}

}
