package org.caringmothers.dashboard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.dashboard.DashboardService;
import org.caringmothers.dashboard.Figures;
import org.caringmothers.dashboard.Lagging;
import org.caringmothers.dashboard.Period;
import org.caringmothers.dashboard.Progress;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;
import org.caringmothers.federation.TargetService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The progress dashboard of a federation in the user's scope: its figures for a period,
 * the same figures for each federation below it (each row drilling down, with the reasons
 * it is behind), charts, and progress against the three-year-action targets.
 */
@Controller
@RequiredArgsConstructor
class DashboardController {

	private final DashboardService dashboards;

	private final FederationService federations;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	@GetMapping("/dashboard")
	String own(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Period.Kind period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
			Model model) {
		return show(user, user.federationId(), period, from, to, locale, model);
	}

	@GetMapping("/dashboard/{federationId}")
	String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long federationId,
			@RequestParam(required = false) Period.Kind period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
			Model model) {
		Scope scope = Scope.of(user);
		List<Federation> lineage = this.federations.lineage(federationId, scope);
		Federation federation = lineage.get(lineage.size() - 1);
		LocalDate today = LocalDate.now(this.clock);
		Period chosen = Period.of(period, today, from, to);
		if (period == Period.Kind.CUSTOM && chosen.kind() != Period.Kind.CUSTOM) {
			// said, not silently replaced: the dates asked for stay in the fields
			model.addAttribute("periodProblem",
					(from == null || to == null) ? "dashboard.period.missing" : "dashboard.period.reversed");
			model.addAttribute("askedFrom", from);
			model.addAttribute("askedTo", to);
		}
		Map<Period.Kind, Period> kindPeriods = new EnumMap<>(Period.Kind.class);
		for (Period.Kind kind : Period.Kind.values()) {
			if (kind != Period.Kind.CUSTOM) {
				kindPeriods.put(kind, Period.of(kind, today, null, null));
			}
		}
		model.addAttribute("kindPeriods", kindPeriods);
		Progress progress = this.dashboards.progress(federation, chosen);
		int year = Math.max(TargetService.FIRST_YEAR, Math.min(TargetService.LAST_YEAR, chosen.to().getYear()));
		Map<Long, List<String>> behind = new HashMap<>();
		for (Map.Entry<Federation, Figures> row : progress.rows().entrySet()) {
			behind.put(row.getKey().getId(),
					Lagging.reasons(row.getValue(), progress.total(), progress.rowYear(row.getKey(), year)));
		}
		Charts charts = new Charts(this.messages, locale, this.json);
		model.addAttribute("federation", federation);
		model.addAttribute("ancestors", lineage.subList(0, lineage.size() - 1).stream().filter(scope::covers).toList());
		model.addAttribute("period", chosen);
		model.addAttribute("kinds", Period.Kind.values());
		model.addAttribute("progress", progress);
		model.addAttribute("figures", progress.total());
		model.addAttribute("rows", progress.rows());
		model.addAttribute("behind", behind);
		model.addAttribute("year", year);
		model.addAttribute("yearProgress",
				progress.years().stream().filter(y -> y.year() == year).findFirst().orElse(null));
		model.addAttribute("canSetTargets", user.role() == Role.ADMIN || user.role() == Role.OFFICIAL);
		model.addAttribute("chartMonths", charts.months(progress.months()));
		model.addAttribute("chartCoverage", charts.coverage(progress.rows()));
		model.addAttribute("chartCategories", charts.categories(progress.total()));
		model.addAttribute("chartTargets", charts.targets(progress.years()));
		model.addAttribute("asOf", LocalDateTime.now(this.clock));
		return "dashboard/progress";
	}

}
