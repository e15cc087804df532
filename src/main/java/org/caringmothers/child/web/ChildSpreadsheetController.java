package org.caringmothers.child.web;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.caringmothers.child.ChildExport;
import org.caringmothers.child.ChildFilter;
import org.caringmothers.common.excel.SpreadsheetImportController;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The filtered children's list as a spreadsheet. */
@Controller
@RequiredArgsConstructor
class ChildSpreadsheetController {

	private final ChildExport exports;

	private final Clock clock;

	@GetMapping("/children/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("filter") ChildFilter filter) {
		return SpreadsheetImportController.download(this.exports.export(filter, user),
				"儿童信息-" + LocalDate.now(this.clock) + ".xlsx");
	}

}
