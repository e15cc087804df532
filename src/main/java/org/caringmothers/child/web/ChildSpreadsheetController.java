package org.caringmothers.child.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.caringmothers.child.ChildExport;
import org.caringmothers.child.ChildFilter;
import org.caringmothers.child.ChildImport;
import org.caringmothers.common.excel.ImportJob;
import org.caringmothers.common.excel.SpreadsheetException;
import org.caringmothers.common.excel.Spreadsheets;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The children's register in and out of spreadsheets: template, import with report,
 * export.
 */
@Controller
@RequestMapping("/children")
@RequiredArgsConstructor
class ChildSpreadsheetController {

	private final ChildImport imports;

	private final ChildExport exports;

	private final Clock clock;

	/** What the shared import pages need to know about this register. */
	@ModelAttribute
	void importPages(Model model) {
		model.addAttribute("importBase", "/children/import");
		model.addAttribute("listUrl", "/children");
		model.addAttribute("listHeading", "child.list.heading");
		model.addAttribute("importTitle", "import.children.title");
	}

	@GetMapping("/import")
	String importPage() {
		return "import/upload";
	}

	@GetMapping("/import/template")
	ResponseEntity<byte[]> template() {
		return download(this.imports.template(), "儿童信息导入模板.xlsx");
	}

	@PostMapping("/import")
	String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
			Locale locale, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "import.file.empty");
			return "import/upload";
		}
		try {
			ImportJob<?> job = this.imports.start(file.getInputStream(), file.getSize(), user, locale);
			return "redirect:/children/import/" + job.getToken();
		}
		catch (SpreadsheetException ex) {
			model.addAttribute("fileError", ex.messageKey());
			return "import/upload";
		}
	}

	@GetMapping("/import/{token}")
	String job(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, Model model) {
		model.addAttribute("job", this.imports.job(token, user));
		return "import/job";
	}

	/** The job's state, polled by the page while the work runs. */
	@GetMapping("/import/{token}/progress")
	String progress(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, Model model) {
		model.addAttribute("job", this.imports.job(token, user));
		return "import/job :: state";
	}

	@PostMapping("/import/{token}/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable String token) {
		this.imports.confirm(token, user);
		return "redirect:/children/import/" + token;
	}

	@PostMapping("/import/{token}/cancel")
	String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String token) {
		this.imports.cancel(token, user);
		return "redirect:/children/import";
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("filter") ChildFilter filter) {
		return download(this.exports.export(filter, user), "儿童信息-" + LocalDate.now(this.clock) + ".xlsx");
	}

	private static ResponseEntity<byte[]> download(byte[] content, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
