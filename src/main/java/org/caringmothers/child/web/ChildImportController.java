package org.caringmothers.child.web;

import org.caringmothers.child.ChildForm;
import org.caringmothers.child.ChildImport;
import org.caringmothers.common.excel.SpreadsheetImportController;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The children's register from a spreadsheet. */
@Controller
@RequestMapping("/children/import")
class ChildImportController extends SpreadsheetImportController<ChildForm> {

	ChildImportController(ChildImport imports) {
		super(imports, "/children/import", "/children", "child.list.heading", "import.children.title", "儿童信息导入模板.xlsx");
	}

}
