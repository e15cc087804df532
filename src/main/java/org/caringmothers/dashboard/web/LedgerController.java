package org.caringmothers.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.excel.Spreadsheets;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.dashboard.Ledger;
import org.caringmothers.dashboard.LedgerFigure;
import org.caringmothers.dashboard.LedgerRow;
import org.caringmothers.dashboard.LedgerService;
import org.caringmothers.dashboard.LedgerWorkbook;
import org.caringmothers.dashboard.MonthReport;
import org.caringmothers.dashboard.MonthReportService;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly ledger (台账) of a federation in the user's scope: the printable summary, the
 * workbook, and closing a month (上报) with what changed since.
 */
@Controller
@RequiredArgsConstructor
class LedgerController {

	private final LedgerService ledgers;

	private final LedgerWorkbook workbooks;

	private final MonthReportService reports;

	private final FederationService federations;

	@GetMapping("/dashboard/{federationId}/ledger")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long federationId,
			@RequestParam(required = false) String month, @RequestParam(defaultValue = "false") boolean closing,
			@RequestParam(defaultValue = "false") boolean now, Locale locale, Model model) {
		Federation federation = this.federations.get(federationId, Scope.of(user));
		Optional<YearMonth> asked = parse(month);
		YearMonth chosen = asked.orElse(lastMonth());
		if (month != null && !month.isBlank() && asked.isEmpty()) {
			model.addAttribute("monthProblem", "ledger.month.invalid");
		}
		Ledger ledger = this.ledgers.ledger(federation, chosen);
		Optional<MonthReport> report = this.reports.find(federation, chosen);
		model.addAttribute("federation", federation);
		model.addAttribute("ledger", ledger);
		model.addAttribute("ledgerTitle", this.workbooks.title(ledger, locale));
		model.addAttribute("figures", LedgerFigure.values());
		model.addAttribute("groups", LedgerFigure.Group.values());
		model.addAttribute("report", report.orElse(null));
		model.addAttribute("laterEdits", report.map(r -> this.reports.laterEdits(federation, r)).orElse(List.of()));
		model.addAttribute("closed", this.reports.reports(federation));
		boolean canClose = this.reports.mayClose(federation, chosen, user);
		model.addAttribute("canClose", canClose);
		model.addAttribute("confirmClose", canClose && closing);
		if (user.is(Role.STAFF, Role.ADMIN)) {
			model.addAttribute("closeProblem", this.reports.whyNotClose(federation, chosen, user).orElse(null));
		}
		// a reported month shows the figures as reported (printed so too), unless the
		// current ones are asked for
		boolean frozen = report.isPresent() && !now;
		model.addAttribute("frozen", frozen);
		model.addAttribute("shown", frozen ? asReported(ledger, report.get()) : ledger);
		List<YearMonth> months = new ArrayList<>();
		for (int i = 5; i >= 0; i--) {
			months.add(chosen.minusMonths(i));
		}
		List<Long> below = ledger.rows()
			.stream()
			.filter(row -> row.kind() == LedgerRow.Kind.BRANCH)
			.map(LedgerRow::federationId)
			.toList();
		model.addAttribute("hasBranches", !below.isEmpty());
		model.addAttribute("reportMonths", months);
		model.addAttribute("reportedBelow", this.reports.reportedMonths(below, months.get(0), chosen));
		return "dashboard/ledger";
	}

	/** The ledger of the month as it was reported. */
	private static Ledger asReported(Ledger current, MonthReport report) {
		List<LedgerRow> rows = report.rows();
		return new Ledger(current.federationId(), current.code(), current.name(), current.month(),
				rows.subList(0, rows.size() - 1), report.total(), report.closedAtLocal());
	}

	@GetMapping("/dashboard/{federationId}/ledger.xlsx")
	Object download(@AuthenticationPrincipal CurrentUser user, @PathVariable long federationId,
			@RequestParam(required = false) String month, Locale locale, RedirectAttributes redirect) {
		Federation federation = this.federations.get(federationId, Scope.of(user));
		Optional<YearMonth> chosen = parse(month);
		if (chosen.isEmpty()) {
			FlashMessages.error(redirect, "ledger.month.invalid");
			return "redirect:/dashboard/" + federationId + "/ledger";
		}
		Ledger ledger = this.ledgers.ledger(federation, chosen.get());
		byte[] workbook = this.workbooks.write(federation, ledger, !user.isManager(), locale);
		String name = URLEncoder.encode(this.workbooks.title(ledger, locale) + ".xlsx", StandardCharsets.UTF_8)
			.replace("+", "%20");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"ledger-" + federation.getCode() + "-" + chosen.get()
							+ ".xlsx\"; filename*=UTF-8''" + name)
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.body(workbook);
	}

	@PostMapping("/dashboard/{federationId}/ledger/close")
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long federationId,
			@RequestParam(required = false) String month, @RequestParam(defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		Federation federation = this.federations.get(federationId, Scope.of(user));
		Optional<YearMonth> chosen = parse(month);
		if (chosen.isEmpty()) {
			FlashMessages.error(redirect, "ledger.month.invalid");
			return "redirect:/dashboard/" + federationId + "/ledger";
		}
		if (!confirmed) {
			// closing cannot be undone: first the question
			return "redirect:/dashboard/" + federationId + "/ledger?month=" + chosen.get() + "&closing=true";
		}
		try {
			this.reports.close(federation, chosen.get(), user);
			FlashMessages.success(redirect, "ledger.close.done", chosen.get().toString());
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
		}
		return "redirect:/dashboard/" + federationId + "/ledger?month=" + chosen.get();
	}

	/** A month in the form 2026-10, not after the current month. */
	private Optional<YearMonth> parse(String month) {
		if (month == null || month.isBlank()) {
			return Optional.of(lastMonth());
		}
		try {
			YearMonth parsed = YearMonth.parse(month.trim());
			return this.ledgers.isOpenOrPast(parsed) && parsed.getYear() >= 2000 ? Optional.of(parsed)
					: Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private YearMonth lastMonth() {
		return YearMonth.from(this.ledgers.today()).minusMonths(1);
	}

}
