package org.caringmothers.volunteer.web;

import org.caringmothers.common.excel.SpreadsheetImportController;
import org.caringmothers.volunteer.VolunteerForm;
import org.caringmothers.volunteer.VolunteerImport;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The roster of mothers and reserves from a spreadsheet. */
@Controller
@RequestMapping("/volunteers/import")
class VolunteerSpreadsheetController extends SpreadsheetImportController<VolunteerForm> {

	VolunteerSpreadsheetController(VolunteerImport imports) {
		super(imports, "/volunteers/import", "/volunteers", "volunteer.list.heading", "volunteer.import.title",
				"爱心妈妈与志愿者导入模板.xlsx");
	}

}
