package org.caringmothers.common.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reading and writing the {@code .xlsx} files staff exchange with the platform: exports
 * with a bold frozen header row, fitted column widths and cells that a spreadsheet can
 * never run as a formula; imports checked for size, format and headers before any row is
 * read.
 */
public final class Spreadsheets {

	/** Largest file accepted for import. */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

	private Spreadsheets() {
	}

	/**
	 * A value as it must be written into a cell: text starting with {@code = + - @} (or a
	 * tab or carriage return) is prefixed with an apostrophe so that no spreadsheet
	 * program runs it as a formula.
	 */
	public static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

	/**
	 * Writes one sheet: the headers, then the rows (strings, numbers or dates), with the
	 * header row frozen and the columns sized to their content.
	 */
	public static byte[] write(String sheetName, List<String> headers, List<List<Object>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle headerStyle = headerStyle(workbook);
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			// Text format for every column, so that numbers typed into a template (ID
			// numbers,
			// phone numbers) stay text instead of turning into rounded numbers like
			// 1.40123E+17.
			CellStyle textStyle = workbook.createCellStyle();
			textStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("@"));
			for (int c = 0; c < headers.size(); c++) {
				sheet.setDefaultColumnStyle(c, textStyle);
			}
			int[] widths = new int[headers.size()];
			Row header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(headers.get(c));
				cell.setCellStyle(headerStyle);
				widths[c] = displayWidth(headers.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (value instanceof LocalDate date) {
						cell.setCellValue(date);
						cell.setCellStyle(dateStyle);
					}
					else {
						cell.setCellValue(neutralise(value.toString()));
						cell.setCellStyle(textStyle);
					}
					if (c < widths.length) {
						widths[c] = Math.max(widths[c], displayWidth(value.toString()));
					}
				}
			}
			sheet.createFreezePane(0, 1);
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, Math.min(60, widths[c] + 2) * 256);
			}
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the first sheet of an uploaded workbook: its header row must equal the
	 * expected headers; every further non-empty row becomes a map from header to text
	 * (dates as {@code yyyy-MM-dd}), numbered as the spreadsheet numbers it.
	 * @throws SpreadsheetException with a message key when the file is not a readable
	 * {@code .xlsx} or its headers differ
	 */
	public static List<SheetRow> read(InputStream input, long size, List<String> expectedHeaders) {
		if (size > MAX_BYTES) {
			throw new SpreadsheetException("import.file.tooLarge");
		}
		if (size == 0) {
			throw new SpreadsheetException("import.file.empty");
		}
		ZipSecureFile.setMinInflateRatio(0.005);
		Workbook workbook;
		try {
			workbook = new XSSFWorkbook(input);
		}
		catch (Exception ex) {
			throw new SpreadsheetException("import.file.notSpreadsheet");
		}
		try (workbook) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new SpreadsheetException("import.file.headers");
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			Row header = sheet.getRow(sheet.getFirstRowNum());
			List<String> headers = new ArrayList<>();
			if (header != null) {
				for (int c = 0; c < header.getLastCellNum(); c++) {
					headers.add(text(header.getCell(c), formatter));
				}
			}
			while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
				headers.remove(headers.size() - 1);
			}
			if (!headers.equals(expectedHeaders)) {
				throw new SpreadsheetException("import.file.headers");
			}
			List<SheetRow> rows = new ArrayList<>();
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				boolean empty = true;
				for (int c = 0; c < expectedHeaders.size(); c++) {
					String value = text(row.getCell(c), formatter);
					empty &= value.isEmpty();
					values.put(expectedHeaders.get(c), value);
				}
				if (!empty) {
					rows.add(new SheetRow(r + 1, values));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new SpreadsheetException("import.file.notSpreadsheet");
		}
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().format(ISO);
		}
		if (cell.getCellType() == CellType.FORMULA) {
			return "";
		}
		return formatter.formatCellValue(cell).trim();
	}

	private static CellStyle headerStyle(Workbook workbook) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		style.setFont(font);
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		return style;
	}

	/** Column width in characters, counting Chinese characters twice. */
	static int displayWidth(String text) {
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			width += text.charAt(i) > 0x2E80 ? 2 : 1;
		}
		return width;
	}

}
