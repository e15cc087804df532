package org.caringmothers.common.excel;

import java.util.Map;

/**
 * One data row of an imported sheet.
 *
 * @param number the row number as the spreadsheet shows it (the header is row 1)
 * @param values the cell texts by header
 */
public record SheetRow(int number, Map<String, String> values) {

	public String get(String header) {
		String value = this.values.get(header);
		return value == null ? "" : value;
	}

}
