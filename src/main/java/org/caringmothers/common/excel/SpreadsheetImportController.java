package org.caringmothers.common.excel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.FlashMessages;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a register's spreadsheet import, the same for every register: the upload
 * page with its template, the report with its progress, confirm and cancel. A subclass
 * maps it under the register's path (e.g. {@code /children/import}).
 *
 * @param <F> the register's form
 */
public abstract class SpreadsheetImportController<F> {

	private final SpreadsheetImport<F> imports;

	private final String base;

	private final String listUrl;

	private final String listHeading;

	private final String title;

	private final String templateName;

	protected SpreadsheetImportController(SpreadsheetImport<F> imports, String base, String listUrl, String listHeading,
			String title, String templateName) {
		this.imports = imports;
		this.base = base;
		this.listUrl = listUrl;
		this.listHeading = listHeading;
		this.title = title;
		this.templateName = templateName;
	}

	/** What the shared import pages need to know about this register. */
	@ModelAttribute
	void importPages(Model model) {
		model.addAttribute("importBase", this.base);
		model.addAttribute("listUrl", this.listUrl);
		model.addAttribute("listHeading", this.listHeading);
		model.addAttribute("importTitle", this.title);
	}

	@GetMapping
	String importPage() {
		return "import/upload";
	}

	@GetMapping("/template")
	ResponseEntity<byte[]> template() {
		return download(this.imports.template(), this.templateName);
	}

	@PostMapping
	String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
			Locale locale, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "import.file.empty");
			return "import/upload";
		}
		try {
			ImportJob<F> job = this.imports.start(file.getInputStream(), file.getSize(), user, locale);
			return "redirect:" + this.base + "/" + job.getToken();
		}
		catch (SpreadsheetException ex) {
			model.addAttribute("fileError", ex.messageKey());
			return "import/upload";
		}
	}

	@GetMapping("/{token}")
	String job(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, Model model) {
		model.addAttribute("job", this.imports.job(token, user));
		return "import/job";
	}

	/** The job's state, polled by the page while the work runs. */
	@GetMapping("/{token}/progress")
	String progress(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, Model model) {
		model.addAttribute("job", this.imports.job(token, user));
		return "import/job :: state";
	}

	@PostMapping("/{token}/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable String token) {
		this.imports.confirm(token, user);
		return "redirect:" + this.base + "/" + token;
	}

	@PostMapping("/{token}/cancel")
	String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, RedirectAttributes redirect) {
		int rows = this.imports.job(token, user).getTotal();
		this.imports.cancel(token, user);
		FlashMessages.success(redirect, "import.cancelled", rows);
		return "redirect:" + this.base;
	}

	/** A spreadsheet download with a Chinese file name. */
	public static ResponseEntity<byte[]> download(byte[] content, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
