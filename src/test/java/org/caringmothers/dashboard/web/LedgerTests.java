package org.caringmothers.dashboard.web;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caringmothers.common.DemoUsers;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monthly ledger: the workbook checked cell by cell against counts on the raw tables
 * for 娄烦县 and last month, its scope, and closing a month.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LedgerTests {

	/** The summary's figure columns, in order, as independent SQL over a subtree. */
	private static final List<String> FIGURES = List.of(
			"select count(*) from volunteer v where v.role = 'MOTHER' and v.status = 'ACTIVE' and v.federation_id in :ids",
			"select count(*) from child c where c.status = 'ACTIVE' and c.federation_id in :ids",
			category("LEFT_BEHIND"), category("ORPHAN"), category("DE_FACTO_UNSUPPORTED"), category("POVERTY"),
			category("DISABILITY"), category("SERIOUS_ILLNESS"), category("GUARDIANSHIP_RISK"),
			"select count(*) from pairing y where y.start_date between :from and :to and y.child_id in :children",
			"select count(*) from pairing y where y.end_date between :from and :to and y.child_id in :children",
			"select count(*) from pairing y where y.start_date <= :to and (y.end_date is null or y.end_date > :to)"
					+ " and y.child_id in :children",
			"select count(*) from visit x where x.visit_date between :from and :to and x.pairing_id in :pairings",
			"select count(*) from visit x where x.mode = 'HOME_VISIT' and x.visit_date between :from and :to"
					+ " and x.pairing_id in :pairings",
			"select count(*) from need n where n.raised_at::date between :from and :to and n.child_id in :children",
			"select count(*) from need n where n.status = 'RESOLVED' and n.closed_at::date between :from and :to"
					+ " and n.child_id in :children",
			"select count(*) from need n where n.status = 'REFERRED' and n.closed_at::date between :from and :to"
					+ " and n.child_id in :children",
			"select count(*) from need n where n.status in ('OPEN', 'IN_PROGRESS') and n.child_id in :children",
			"select count(*) from event e where e.event_date between :from and :to and e.federation_id in :ids",
			"select coalesce(sum(e.attendance_count), 0) from event e where e.event_date between :from and :to"
					+ " and e.federation_id in :ids",
			"select coalesce(sum(g.value_yuan), 0) from visit_gift g join visit x on x.id = g.visit_id"
					+ " where x.visit_date between :from and :to and x.pairing_id in :pairings");

	@Autowired
	MockMvc mvc;

	@Autowired
	FederationService federations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	Federation loufan;

	YearMonth month;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
		this.loufan = this.federations.findByCode("140123").orElseThrow();
		this.month = YearMonth.now().minusMonths(1);
	}

	@Test
	void anOfficialsWorkbookCarriesFiguresOnly() throws Exception {
		long shenchi = this.federations.findByCode("140927").orElseThrow().getId();
		byte[] bytes = this.mvc
			.perform(get("/dashboard/" + shenchi + "/ledger.xlsx").param("month", this.month.toString())
				.with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			assertThat(workbook.getSheetName(0)).isEqualTo("汇总");
		}
	}

	@Test
	void inEnglishTheLedgerAndItsWorkbookAreEnglish() throws Exception {
		String ledgerUrl = "/dashboard/" + this.loufan.getId() + "/ledger";
		this.mvc
			.perform(get(ledgerUrl).param("month", this.month.toString())
				.param("lang", "en")
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"Caring Mothers pairing ledger, " + this.month.getYear() + "-" + this.month.getMonthValue())));
		MockHttpServletResponse response = this.mvc
			.perform(get(ledgerUrl + ".xlsx").param("month", this.month.toString())
				.param("lang", "en")
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("Content-Disposition")).contains("Caring%20Mothers%20pairing%20ledger");
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
				.containsExactly("Summary", "Contacts", "Open needs");
			Sheet summary = workbook.getSheet("Summary");
			assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Federation");
			assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Division code");
			assertThat(workbook.getSheet("Contacts").getRow(2).getCell(4).getStringCellValue())
				.isEqualTo("Caring mother");
			assertThat(workbook.getSheet("Open needs").getRow(2).getCell(6).getStringCellValue())
				.isEqualTo("Days open");
		}
	}

	@Test
	void theWorkbookHoldsTheCountysMonthCellByCell() throws Exception {
		byte[] bytes = this.mvc
			.perform(get("/dashboard/" + this.loufan.getId() + "/ledger.xlsx").param("month", this.month.toString())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
				.containsExactly("汇总", "关爱记录", "未办结诉求");
			Sheet summary = workbook.getSheet("汇总");
			assertThat(summary.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("娄烦县" + this.month.getYear() + "年" + this.month.getMonthValue() + "月爱心妈妈结对关爱工作台账");
			assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("单位");
			assertThat(summary.getRow(2).getCell(2).getStringCellValue()).isEqualTo("在岗爱心妈妈");
			assertThat(summary.getRow(2).getCell(15).getStringCellValue()).isEqualTo("入户走访");
			assertThat(summary.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
			assertThat(summary.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 2);
			assertThat(summary.getColumnWidth(0)).isGreaterThanOrEqualTo(16 * 256);

			List<Federation> townships = this.federations.children(this.loufan);
			double[] totals = new double[FIGURES.size()];
			for (int i = 0; i < townships.size(); i++) {
				Federation township = townships.get(i);
				Row row = summary.getRow(3 + i);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(township.getName());
				assertThat(row.getCell(1).getStringCellValue()).isEqualTo(township.getCode());
				for (int f = 0; f < FIGURES.size(); f++) {
					double expected = count(FIGURES.get(f), township);
					assertThat(row.getCell(2 + f).getNumericCellValue())
						.as(township.getName() + " column " + summary.getRow(2).getCell(2 + f).getStringCellValue())
						.isEqualTo(expected);
					totals[f] += expected;
				}
			}
			int next = 3 + townships.size();
			if (summary.getRow(next).getCell(0).getStringCellValue().equals("娄烦县（本级）")) {
				Row own = summary.getRow(next++);
				for (int f = 0; f < FIGURES.size(); f++) {
					double expected = count(FIGURES.get(f), "(" + this.loufan.getId() + ")", this.month);
					assertThat(own.getCell(2 + f).getNumericCellValue()).as("the county's own column " + f)
						.isEqualTo(expected);
					totals[f] += expected;
				}
			}
			Row total = summary.getRow(next);
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
			for (int f = 0; f < FIGURES.size(); f++) {
				assertThat(total.getCell(2 + f).getNumericCellValue()).as("total column " + f)
					.isEqualTo(count(FIGURES.get(f), this.loufan))
					.isEqualTo(totals[f]);
			}
			assertThat(total.getCell(2 + 12).getNumericCellValue()).as("the month has contacts").isPositive();

			Sheet contacts = workbook.getSheet("关爱记录");
			long contactCount = (long) count(FIGURES.get(12), this.loufan);
			assertThat(contacts.getRow(2).getCell(3).getStringCellValue()).isEqualTo("儿童身份证号");
			assertThat(contacts.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
			List<String> numbers = new ArrayList<>();
			for (int r = 3; r < 3 + contactCount; r++) {
				Row row = contacts.getRow(r);
				LocalDate date = LocalDate.parse(row.getCell(0).getStringCellValue());
				assertThat(YearMonth.from(date)).isEqualTo(this.month);
				numbers.add(text(row.getCell(3)));
				numbers.add(text(row.getCell(5)));
			}
			assertThat(numbers).allSatisfy(number -> assertThat(number).satisfiesAnyOf(n -> assertThat(n).isEmpty(),
					n -> assertThat(n).contains("*").doesNotMatch(".*\\d{7,}.*")));
			Row contactTotal = contacts.getRow(3 + (int) contactCount);
			assertThat(contactTotal.getCell(0).getStringCellValue()).isEqualTo("合计");
			assertThat(contactTotal.getCell(1).getStringCellValue()).isEqualTo(contactCount + " 次");
			assertThat(contactTotal.getCell(9).getNumericCellValue()).isEqualTo(count(FIGURES.get(20), this.loufan));

			Sheet needs = workbook.getSheet("未办结诉求");
			long open = (long) count(FIGURES.get(17), this.loufan);
			assertThat(needs.getRow(3 + (int) open).getCell(1).getStringCellValue()).isEqualTo(open + " 件");
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'EXPORT' and summary like 'ledger 140123 %'",
				Long.class))
			.isPositive();
	}

	@Test
	void theLedgerIsScoped() throws Exception {
		this.mvc
			.perform(get("/dashboard/" + this.loufan.getId() + "/ledger").with(this.users.as(DemoUsers.SHENCHI_STAFF)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/dashboard/" + this.loufan.getId() + "/ledger.xlsx")
				.with(this.users.as(DemoUsers.SHENCHI_STAFF)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/dashboard/" + this.loufan.getId() + "/ledger/close").param("confirmed", "true")
				.param("month", "2026-01")
				.with(csrf())
				.with(this.users.as(DemoUsers.SHENCHI_STAFF)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/dashboard/" + this.loufan.getId() + "/ledger").with(this.users.as(DemoUsers.LOUFAN_MOTHER)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard/" + this.loufan.getId() + "/ledger").with(this.users.as(DemoUsers.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 class=\"h4 mb-1\" id=\"ledger-title\">娄烦县")));
	}

	@Test
	void badMonthsGetAClearMessage() throws Exception {
		this.mvc
			.perform(get("/dashboard/" + this.loufan.getId() + "/ledger").param("month", "next month")
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("月份格式不正确")));
		this.mvc
			.perform(get("/dashboard/" + this.loufan.getId() + "/ledger.xlsx").param("month", "2099-01")
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "ledger.month.invalid"));
		this.mvc
			.perform(post("/dashboard/" + this.loufan.getId() + "/ledger/close").param("confirmed", "true")
				.param("month", YearMonth.now().toString())
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(flash().attribute("flashError", "ledger.close.notEnded"));
		this.mvc
			.perform(post("/dashboard/" + this.loufan.getId() + "/ledger/close").param("confirmed", "true")
				.param("month", "2026-13")
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(flash().attribute("flashError", "ledger.month.invalid"));
		this.mvc
			.perform(post("/dashboard/" + this.loufan.getId() + "/ledger/close").param("confirmed", "true")
				.param("month", "2026-01")
				.with(csrf())
				.with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from month_report where federation_id = ?"
						+ " and (month >= ? or month = date '2026-01-01')",
				Long.class, this.loufan.getId(), java.sql.Date.valueOf(YearMonth.now().atDay(1))))
			.isZero();
	}

	@Test
	void closingAsksFirstAndSaysWhyTheCurrentMonthCannotBeClosed() throws Exception {
		YearMonth earlier = this.month.minusMonths(3);
		String ledgerUrl = "/dashboard/" + this.loufan.getId() + "/ledger";
		this.mvc
			.perform(post(ledgerUrl + "/close").param("month", earlier.toString())
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(ledgerUrl + "?month=" + earlier + "&closing=true"));
		assertThat(this.jdbc.queryForObject("select count(*) from month_report where federation_id = ? and month = ?",
				Long.class, this.loufan.getId(), java.sql.Date.valueOf(earlier.atDay(1))))
			.as("nothing closed without the answer")
			.isZero();
		this.mvc
			.perform(get(ledgerUrl).param("month", earlier.toString())
				.param("closing", "true")
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"confirm-close\"")))
			.andExpect(content().string(containsString("不能撤回")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
		this.mvc
			.perform(get(ledgerUrl).param("month", YearMonth.now().toString())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"close-problem\"")))
			.andExpect(content().string(containsString("月尚未结束，月末后才能上报")))
			.andExpect(content().string(not(containsString("id=\"close-month\""))));
	}

	@Test
	void aCityOfficialSeesWhichCountiesReportedWhichMonth() throws Exception {
		YearMonth reported = this.month.minusMonths(2);
		this.mvc
			.perform(post("/dashboard/" + this.loufan.getId() + "/ledger/close").param("confirmed", "true")
				.param("month", reported.toString())
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(flash().attribute("flashSuccess", "ledger.close.done"));
		long taiyuan = this.jdbc.queryForObject("select parent_id from federation where id = ?", Long.class,
				this.loufan.getId());
		String page = this.mvc
			.perform(get("/dashboard/" + taiyuan + "/ledger").param("month", reported.toString())
				.with(this.users.as(DemoUsers.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String below = page.substring(page.indexOf("id=\"reports-below\""));
		String loufanRow = below.substring(below.indexOf(">娄烦县<"));
		loufanRow = loufanRow.substring(0, loufanRow.indexOf("</tr>"));
		assertThat(loufanRow.substring(loufanRow.lastIndexOf("<td")))
			.as("Loufan reported " + reported + " (the last column)")
			.contains(">已上报<");
		assertThat(below).contains("未上报");
	}

	@Test
	void aClosedMonthKeepsItsReportedFiguresAndFlagsLaterEdits() throws Exception {
		YearMonth closed = this.month.minusMonths(1);
		String ledgerUrl = "/dashboard/" + this.loufan.getId() + "/ledger";
		this.mvc
			.perform(post(ledgerUrl + "/close").param("confirmed", "true")
				.param("month", closed.toString())
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(flash().attribute("flashSuccess", "ledger.close.done"));
		this.mvc
			.perform(post(ledgerUrl + "/close").param("confirmed", "true")
				.param("month", closed.toString())
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(flash().attribute("flashError", "ledger.close.already"));
		long reported = this.jdbc.queryForObject("""
				select r.contacts from month_report_row r join month_report m on m.id = r.report_id
				where m.federation_id = ? and m.month = ? and r.kind = 'TOTAL'""", Long.class, this.loufan.getId(),
				java.sql.Date.valueOf(closed.atDay(1)));
		assertThat((double) reported).isEqualTo(count(FIGURES.get(12), this.loufan, closed));
		this.mvc.perform(get(ledgerUrl).param("month", closed.toString()).with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(content().string(containsString("由 胡春燕 上报")))
			.andExpect(content().string(not(containsString("id=\"later-edits\""))))
			.andExpect(content().string(not(containsString("id=\"close-month\""))));

		// a contact of that month edited, and one logged late, after the closing
		String inMonth = """
				select min(x.id) from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
				join federation f on f.id = c.federation_id where f.path like ? and x.visit_date between ? and ?""";
		Long edited = this.jdbc.queryForObject(inMonth, Long.class, this.loufan.getPath() + "%",
				java.sql.Date.valueOf(closed.atDay(1)), java.sql.Date.valueOf(closed.atEndOfMonth()));
		this.jdbc
			.update("update visit set duration_minutes = duration_minutes + 5, updated_at = now() + interval '1 second'"
					+ " where id = ?", edited);
		this.jdbc.update(
				"""
						insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, recorded_by, client_token,
						  created_at, federation_id)
						select pairing_id, visit_date, 'PHONE', 10, 'GOOD', recorded_by, 'late-' || id, now() + interval '1 second',
						  federation_id
						from visit where id = ?""",
				edited);

		this.mvc.perform(get(ledgerUrl).param("month", closed.toString()).with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(content().string(containsString("id=\"later-edits\"")))
			.andExpect(content().string(containsString("上报后补录")))
			.andExpect(content().string(containsString("上报后修改")))
			.andExpect(content().string(containsString("id=\"reported-vs-now\"")))
			.andExpect(content().string(containsString("<td>" + reported + "</td>")))
			.andExpect(content().string(containsString("<td>" + (reported + 1) + "</td>")));
		assertThat(this.jdbc.queryForObject("""
				select r.contacts from month_report_row r join month_report m on m.id = r.report_id
				where m.federation_id = ? and m.month = ? and r.kind = 'TOTAL'""", Long.class, this.loufan.getId(),
				java.sql.Date.valueOf(closed.atDay(1))))
			.isEqualTo(reported);
		assertThatThrownBy(() -> this.jdbc.update("update month_report_row set contacts = contacts + 1"))
			.hasMessageContaining("cannot be changed");
		assertThatThrownBy(() -> this.jdbc.update("delete from month_report"))
			.hasMessageContaining("cannot be changed");
	}

	private double count(String sql, Federation federation) {
		return count(sql, federation, this.month);
	}

	private double count(String sql, Federation federation, YearMonth month) {
		return count(sql, "(select id from federation where path like '" + federation.getPath() + "%')", month);
	}

	private double count(String sql, String ids, YearMonth month) {
		String children = "(select id from child where federation_id in " + ids + ")";
		String pairings = "(select id from pairing where child_id in " + children + ")";
		String query = sql.replace(":ids", ids)
			.replace(":children", children)
			.replace(":pairings", pairings)
			.replace(":from", "date '" + month.atDay(1) + "'")
			.replace(":to", "date '" + month.atEndOfMonth() + "'");
		return this.jdbc.queryForObject(query, java.math.BigDecimal.class).doubleValue();
	}

	private static String category(String category) {
		return "select count(*) from child c join child_category cc on cc.child_id = c.id where cc.category = '"
				+ category + "' and c.status = 'ACTIVE' and c.federation_id in :ids";
	}

	private static String text(Cell cell) {
		return cell == null ? "" : cell.getStringCellValue();
	}

}
