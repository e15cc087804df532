package org.caringmothers.audit.web;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.web.PageSizes;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditFilter;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.excel.SpreadsheetImportController;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access log, for administrators only; it can be read and filtered, never changed.
 */
@Controller
@RequestMapping("/audit")
@RequiredArgsConstructor
class AuditController {

	private static final int MAX_EXPORT = 10_000;

	private final AuditService audit;

	@GetMapping
	String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page",
				this.audit.search(filter, PageRequest.of(Math.max(page, 0), PageSizes.requested(50))));
		model.addAttribute("actions", AuditAction.values());
		return "audit/list";
	}

	/** The filtered entries as a masked workbook (at most the newest 10,000). */
	@GetMapping("/export")
	ResponseEntity<byte[]> export(@ModelAttribute("filter") AuditFilter filter) {
		return SpreadsheetImportController.download(this.audit.export(filter, MAX_EXPORT), "访问日志.xlsx");
	}

}
