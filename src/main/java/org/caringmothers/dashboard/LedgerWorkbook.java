package org.caringmothers.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.excel.Spreadsheets;
import org.caringmothers.common.privacy.Masking;
import org.caringmothers.federation.Federation;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly ledger as the workbook a county sends upward: the summary by federation
 * below with a totals row, the month's contacts and the open needs, with Chinese headers,
 * frozen header rows, fitted column widths and masked numbers. Every download is audited.
 */
@Service
@RequiredArgsConstructor
public class LedgerWorkbook {

	/** The message keys of the contacts sheet's headers (ledger.xlsx.contact.*). */
	static final List<String> CONTACT_HEADERS = List.of("date", "federation", "child", "idNumber", "mother",
			"motherPhone", "mode", "minutes", "care", "giftValue", "mood", "reviewed");

	/** The message keys of the needs sheet's headers (ledger.xlsx.need.*). */
	static final List<String> NEED_HEADERS = List.of("raised", "federation", "child", "category", "urgency", "status",
			"daysOpen", "description", "safety");

	private final LedgerService ledgers;

	private final AuditService audit;

	private final MessageSource messages;

	/**
	 * The workbook; with {@code figuresOnly} (for an official, who needs figures and not
	 * children) only the summary sheet, without the contacts and needs that name them.
	 */
	@Transactional
	public byte[] write(Federation federation, Ledger ledger, boolean figuresOnly, Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			summary(workbook.createSheet(label("ledger.xlsx.sheet.summary", locale)), ledger, styles, locale);
			String summary = "ledger " + ledger.code() + " " + ledger.month();
			if (figuresOnly) {
				summary += " figures only";
			}
			else {
				List<Map<String, Object>> contacts = this.ledgers.contacts(federation, ledger.month());
				contacts(workbook.createSheet(label("ledger.xlsx.sheet.contacts", locale)), ledger, contacts, styles,
						locale);
				List<Map<String, Object>> needs = this.ledgers.openNeeds(federation);
				needs(workbook.createSheet(label("ledger.xlsx.sheet.needs", locale)), ledger, needs, styles, locale);
				summary += " contacts=" + contacts.size() + " needs=" + needs.size();
			}
			workbook.write(out);
			this.audit.record(AuditAction.EXPORT, MonthReportService.RECORD, null, summary);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The title of the workbook and the printed page, in the user's language. */
	public String title(Ledger ledger, Locale locale) {
		return this.messages.getMessage("ledger.xlsx.title", new Object[] { ledger.name(),
				String.valueOf(ledger.month().getYear()), String.valueOf(ledger.month().getMonthValue()) }, locale);
	}

	private void summary(Sheet sheet, Ledger ledger, Styles styles, Locale locale) {
		LedgerFigure[] figures = LedgerFigure.values();
		int columns = figures.length + 2;
		title(sheet, title(ledger, locale),
				message("ledger.xlsx.summaryNote",
						ledger.madeAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), locale),
				columns, styles);
		Row header = sheet.createRow(2);
		text(header, 0, label("ledger.unit", locale), styles.header);
		text(header, 1, label("ledger.xlsx.code", locale), styles.header);
		for (int i = 0; i < figures.length; i++) {
			text(header, i + 2, label("ledger.figure." + figures[i].name(), locale), styles.header);
		}
		int r = 3;
		for (LedgerRow row : ledger.rowsAndTotal()) {
			boolean total = row.kind() == LedgerRow.Kind.TOTAL;
			Row line = sheet.createRow(r++);
			String name = switch (row.kind()) {
				case TOTAL -> label("ledger.total", locale);
				case OWN -> message("ledger.own", row.name(), locale);
				default -> row.name();
			};
			text(line, 0, name, total ? styles.totalText : styles.text);
			text(line, 1, row.code(), total ? styles.totalText : styles.text);
			for (int i = 0; i < figures.length; i++) {
				Cell cell = line.createCell(i + 2);
				cell.setCellValue(row.get(figures[i]).doubleValue());
				cell.setCellStyle(figures[i].money() ? (total ? styles.totalMoney : styles.money)
						: (total ? styles.totalNumber : styles.number));
			}
		}
		sheet.createFreezePane(2, 3);
		sheet.setColumnWidth(0, 18 * 256);
		sheet.setColumnWidth(1, 12 * 256);
		for (int i = 0; i < figures.length; i++) {
			sheet.setColumnWidth(i + 2, 11 * 256);
		}
		header.setHeightInPoints(48);
	}

	private void contacts(Sheet sheet, Ledger ledger, List<Map<String, Object>> contacts, Styles styles,
			Locale locale) {
		title(sheet, message("ledger.xlsx.contactsTitle", title(ledger, locale), locale),
				message("ledger.xlsx.contactsNote", contacts.size(), locale), CONTACT_HEADERS.size(), styles);
		headers(sheet, CONTACT_HEADERS.stream().map(h -> label("ledger.xlsx.contact." + h, locale)).toList(), styles);
		int r = 3;
		long minutes = 0;
		BigDecimal gifts = BigDecimal.ZERO;
		for (Map<String, Object> contact : contacts) {
			Row line = sheet.createRow(r++);
			text(line, 0, contact.get("visit_date").toString(), styles.text);
			text(line, 1, (String) contact.get("federation"), styles.text);
			text(line, 2, (String) contact.get("child"), styles.text);
			text(line, 3, (String) contact.get("id_number_masked"), styles.text);
			text(line, 4, (String) contact.get("mother"), styles.text);
			text(line, 5, Masking.phone((String) contact.get("phone")), styles.text);
			text(line, 6, label("visit.mode." + contact.get("mode"), locale), styles.text);
			int duration = ((Number) contact.get("duration_minutes")).intValue();
			number(line, 7, duration, styles.number);
			String care = (String) contact.get("care_types");
			text(line, 8,
					care == null ? ""
							: Arrays.stream(care.split(","))
								.map(c -> label("visit.care." + c, locale))
								.collect(Collectors.joining(label("ledger.xlsx.separator", locale))),
					styles.text);
			BigDecimal gift = (BigDecimal) contact.get("gift_value");
			Cell giftCell = line.createCell(9);
			giftCell.setCellValue(gift.doubleValue());
			giftCell.setCellStyle(styles.money);
			text(line, 10, label("visit.mood." + contact.get("child_mood"), locale), styles.text);
			text(line, 11,
					label(Boolean.TRUE.equals(contact.get("reviewed")) ? "ledger.xlsx.yes" : "ledger.xlsx.no", locale),
					styles.text);
			minutes += duration;
			gifts = gifts.add(gift);
		}
		Row total = sheet.createRow(r);
		text(total, 0, label("ledger.total", locale), styles.totalText);
		text(total, 1, message("ledger.xlsx.contactsCount", contacts.size(), locale), styles.totalText);
		number(total, 7, minutes, styles.totalNumber);
		Cell giftTotal = total.createCell(9);
		giftTotal.setCellValue(gifts.doubleValue());
		giftTotal.setCellStyle(styles.totalMoney);
		sheet.createFreezePane(0, 3);
		int[] widths = { 12, 16, 10, 21, 10, 14, 10, 10, 28, 12, 10, 8 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

	private void needs(Sheet sheet, Ledger ledger, List<Map<String, Object>> needs, Styles styles, Locale locale) {
		title(sheet, message("ledger.xlsx.needsTitle", ledger.name(), locale),
				message("ledger.xlsx.needsNote", needs.size(), locale), NEED_HEADERS.size(), styles);
		headers(sheet, NEED_HEADERS.stream().map(h -> label("ledger.xlsx.need." + h, locale)).toList(), styles);
		LocalDate today = this.ledgers.today();
		int r = 3;
		for (Map<String, Object> need : needs) {
			Row line = sheet.createRow(r++);
			LocalDate raised = ((Timestamp) need.get("raised_at")).toLocalDateTime().toLocalDate();
			text(line, 0, raised.toString(), styles.text);
			text(line, 1, (String) need.get("federation"), styles.text);
			text(line, 2, (String) need.get("child"), styles.text);
			text(line, 3, label("need.category." + need.get("category"), locale), styles.text);
			text(line, 4, label("need.urgency." + need.get("urgency"), locale), styles.text);
			text(line, 5, label("need.status." + need.get("status"), locale), styles.text);
			number(line, 6, java.time.temporal.ChronoUnit.DAYS.between(raised, today), styles.number);
			text(line, 7, (String) need.get("description"), styles.wrapped);
			text(line, 8,
					label(Boolean.TRUE.equals(need.get("safety_open")) ? "ledger.xlsx.yes" : "ledger.xlsx.no", locale),
					styles.text);
		}
		Row total = sheet.createRow(r);
		text(total, 0, label("ledger.total", locale), styles.totalText);
		text(total, 1, message("ledger.xlsx.needsCount", needs.size(), locale), styles.totalText);
		sheet.createFreezePane(0, 3);
		int[] widths = { 12, 16, 10, 10, 10, 10, 10, 48, 14 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

	private static void title(Sheet sheet, String title, String note, int columns, Styles styles) {
		text(sheet.createRow(0), 0, title, styles.title);
		text(sheet.createRow(1), 0, note, styles.note);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
		sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
		sheet.getRow(0).setHeightInPoints(24);
	}

	private static void headers(Sheet sheet, List<String> headers, Styles styles) {
		Row header = sheet.createRow(2);
		for (int i = 0; i < headers.size(); i++) {
			text(header, i, headers.get(i), styles.header);
		}
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : Spreadsheets.neutralise(value));
		cell.setCellStyle(style);
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private String message(String key, Object argument, Locale locale) {
		return this.messages.getMessage(key, new Object[] { argument }, key, locale);
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle note;

		final CellStyle header;

		final CellStyle text;

		final CellStyle wrapped;

		final CellStyle number;

		final CellStyle money;

		final CellStyle totalText;

		final CellStyle totalNumber;

		final CellStyle totalMoney;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			short textFormat = workbook.createDataFormat().getFormat("@");
			short moneyFormat = workbook.createDataFormat().getFormat("#,##0.00");
			short numberFormat = workbook.createDataFormat().getFormat("0");
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.note = workbook.createCellStyle();
			this.header = bordered(workbook, bold, textFormat);
			this.header.setWrapText(true);
			this.text = bordered(workbook, null, textFormat);
			this.wrapped = bordered(workbook, null, textFormat);
			this.wrapped.setWrapText(true);
			this.number = bordered(workbook, null, numberFormat);
			this.money = bordered(workbook, null, moneyFormat);
			this.totalText = bordered(workbook, bold, textFormat);
			this.totalNumber = bordered(workbook, bold, numberFormat);
			this.totalMoney = bordered(workbook, bold, moneyFormat);
		}

		/**
		 * A cell with thin borders in the given data format, in the font if one is given.
		 */
		private static CellStyle bordered(XSSFWorkbook workbook, Font font, short format) {
			CellStyle style = workbook.createCellStyle();
			if (font != null) {
				style.setFont(font);
			}
			style.setDataFormat(format);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}

	}

}
