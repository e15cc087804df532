package org.caringmothers.volunteer.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.excel.ImportJob;
import org.caringmothers.common.excel.SpreadsheetException;
import org.caringmothers.common.excel.Spreadsheets;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.volunteer.VolunteerImport;

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
 * The roster of mothers and reserves from a spreadsheet: template, upload, report,
 * import.
 */
@Controller
@RequestMapping("/volunteers/import")
@RequiredArgsConstructor
class VolunteerSpreadsheetController {

	private final VolunteerImport imports;

	/** What the shared import pages need to know about this register. */
	@ModelAttribute
	void importPages(Model model) {
		model.addAttribute("importBase", "/volunteers/import");
		model.addAttribute("listUrl", "/volunteers");
		model.addAttribute("listHeading", "volunteer.list.heading");
		model.addAttribute("importTitle", "volunteer.import.title");
	}

	@GetMapping
	String importPage() {
		return "import/upload";
	}

	@GetMapping("/template")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("爱心妈妈与志愿者导入模板.xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(this.imports.template());
	}

	@PostMapping
	String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
			Locale locale, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "import.file.empty");
			return "import/upload";
		}
		try {
			ImportJob<?> job = this.imports.start(file.getInputStream(), file.getSize(), user, locale);
			return "redirect:/volunteers/import/" + job.getToken();
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

	@GetMapping("/{token}/progress")
	String progress(@AuthenticationPrincipal CurrentUser user, @PathVariable String token, Model model) {
		model.addAttribute("job", this.imports.job(token, user));
		return "import/job :: state";
	}

	@PostMapping("/{token}/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable String token) {
		this.imports.confirm(token, user);
		return "redirect:/volunteers/import/" + token;
	}

	@PostMapping("/{token}/cancel")
	String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String token) {
		this.imports.cancel(token, user);
		return "redirect:/volunteers/import";
	}

}
