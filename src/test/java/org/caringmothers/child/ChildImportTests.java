package org.caringmothers.child;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.excel.Spreadsheets;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.caringmothers.common.DemoUsers.XINZHOU_OFFICIAL;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing children on real PostgreSQL: the report of bad rows, all-or-nothing, refused
 * files, a generated 5,000-row file; and the export with masked numbers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChildImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SensitiveDataCipher cipher;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void theTemplateHasTheChineseHeadersAndAnExampleRow() throws Exception {
		byte[] template = this.mvc.perform(get("/children/import/template").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Row header = workbook.getSheetAt(0).getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(header.getCell(3).getStringCellValue()).isEqualTo("身份证号");
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("【示例】张小雨");
			assertThat(workbook.getSheetAt(0).getColumnStyle(3).getDataFormatString())
				.as("the ID number column keeps what is typed as text")
				.isEqualTo("@");
		}
	}

	@Test
	void badRowsAreReportedWithTheirNumbersAndNothingIsImportedUntilConfirmed() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		rows.add(row("导入甲", "女", "2014-05-06", id("140123", LocalDate.of(2014, 5, 6), 51, false), "140123101"));
		rows.add(row("导入乙", "男", "2013-02-03", "140123201302031234", "140123101"));
		rows.add(row("导入丙", "女", "2012-07-08", "", "140927100"));
		rows.add(row("导入丁", "男", "2011-09-10", id("140123", LocalDate.of(2011, 9, 10), 52, true), "140123102"));
		long before = children();
		String job = upload(workbook(rows), LOUFAN_STAFF);
		String report = awaitState(job, "CHECKED", LOUFAN_STAFF);
		assertThat(report).contains("共 4 行：2 行可以导入，2 行有问题。")
			.contains(">3<")
			.contains("校验位不正确")
			.contains(">4<")
			.contains("您管辖范围内没有此区划代码的妇联");
		assertThat(children()).isEqualTo(before);

		this.mvc.perform(post("/children/import/" + job + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection());
		assertThat(awaitState(job, "IMPORTED", LOUFAN_STAFF)).contains("已导入 2 条记录");
		assertThat(children()).isEqualTo(before + 2);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where record_type = 'CHILD' and action = 'CREATE' and summary = 'import'"
						+ " and record_id in (select id from child where name in ('导入甲', '导入丁'))",
				Long.class))
			.isEqualTo(2);
	}

	@Test
	void anEnglishUserReadsTheColumnsInEnglishWithTheTemplatesHeaders() throws Exception {
		List<String> badDate = new ArrayList<>(row("英文甲", "女", "2014-13-45", "", "140123101"));
		List<String> badPhone = new ArrayList<>(row("英文乙", "女", "2014-03-04", "", "140123101"));
		badPhone.set(13, "12345");
		String job = upload(workbook(List.of(badDate, badPhone)), LOUFAN_STAFF, "en");
		String report = awaitState(job, "CHECKED", LOUFAN_STAFF);
		assertThat(report).contains("“Date of birth (出生日期)”: “2014-13-45” is not a valid date")
			.contains("phone (监护人电话)”")
			.doesNotContain("“出生日期”")
			.doesNotContain("“监护人电话”");
		assertThat(ChildImport.HEADERS).contains("出生日期", "监护人电话");
	}

	@Test
	void likelyDuplicatesOfRegisteredChildrenAndOfOtherRowsAreFlagged() throws Exception {
		String suffix = String.valueOf("甲乙丙丁戊己庚辛壬癸".charAt((int) (System.nanoTime() % 10)))
				+ "一二三四五六七八九十".charAt((int) (System.nanoTime() / 7 % 10));
		String registered = "重复" + suffix;
		String job = upload(workbook(List.of(row(registered, "女", "2016-04-05", "", "140123101"))), LOUFAN_STAFF);
		awaitState(job, "CHECKED", LOUFAN_STAFF);
		this.mvc.perform(post("/children/import/" + job + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)));
		awaitState(job, "IMPORTED", LOUFAN_STAFF);
		long before = children();

		List<String> sameChild = row(registered, "女", "2016-04-05", "", "140123101");
		List<String> otherGuardian = new ArrayList<>(row(registered, "女", "2016-04-05", "", "140123101"));
		otherGuardian.set(11, "王外婆");
		otherGuardian.set(13, "13698765432");
		List<String> twiceInFile = row("文件" + suffix, "男", "2015-08-09", "", "140123102");
		String second = upload(workbook(List.of(sameChild, otherGuardian, twiceInFile, twiceInFile)), LOUFAN_STAFF);
		String report = awaitState(second, "CHECKED", LOUFAN_STAFF);
		assertThat(report).contains("共 4 行：2 行可以导入，2 行有问题。")
			.contains("可能重复登记：静游镇")
			.contains("仍然登记")
			.contains("可能与文件第 4 行是同一人");
		this.mvc
			.perform(post("/children/import/" + second + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)));
		awaitState(second, "IMPORTED", LOUFAN_STAFF);
		assertThat(children()).isEqualTo(before + 2);
		assertThat(this.jdbc.queryForObject("select count(*) from child where name = ?", Long.class, registered))
			.as("the child with another guardian is imported, the likely duplicate is not")
			.isEqualTo(2);
	}

	@Test
	void theTemplatesExampleRowIsSkippedAndSaidSo() throws Exception {
		byte[] template = this.mvc.perform(get("/children/import/template").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] filled;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Row row = workbook.getSheetAt(0).createRow(2);
			List<String> values = row("示例后甲", "女", "2014-06-07", id("140123", LocalDate.of(2014, 6, 7), 61, false),
					"140123101");
			for (int c = 0; c < values.size(); c++) {
				row.createCell(c).setCellValue(values.get(c));
			}
			workbook.write(out);
			filled = out.toByteArray();
		}
		long before = children();
		String job = upload(filled, LOUFAN_STAFF);
		assertThat(awaitState(job, "CHECKED", LOUFAN_STAFF)).contains("共 2 行：1 行可以导入，1 行有问题。").contains("这是模板中的示例行");
		this.mvc.perform(post("/children/import/" + job + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection());
		assertThat(awaitState(job, "IMPORTED", LOUFAN_STAFF)).contains("已导入 1 条记录");
		assertThat(children()).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForObject("select count(*) from child where name like '%张小雨'", Long.class))
			.as("the example child is never imported")
			.isZero();
	}

	@Test
	void importingNothingSaysWhatHappened() throws Exception {
		String job = upload(workbook(List.of(row("放弃甲", "女", "2014-05-06", "", "140123101"))), LOUFAN_STAFF);
		awaitState(job, "CHECKED", LOUFAN_STAFF);
		long before = children();
		this.mvc.perform(post("/children/import/" + job + "/cancel").with(csrf()).with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "import.cancelled"));
		assertThat(children()).isEqualTo(before);
	}

	@Test
	void aRowThatFailsDuringTheImportRollsEverythingBack() throws Exception {
		String sharedId = id("140123", LocalDate.of(2015, 1, 2), 53, false);
		List<List<String>> rows = List.of(
				row("回滚甲", "女", "2014-01-02", id("140123", LocalDate.of(2014, 1, 2), 53, false), "140123101"),
				row("回滚乙", "女", "2015-01-02", sharedId, "140123101"));
		String job = upload(workbook(rows), LOUFAN_STAFF);
		awaitState(job, "CHECKED", LOUFAN_STAFF);
		this.jdbc
			.update("""
					insert into child (federation_id, name, gender, birth_date, id_number_cipher, id_number_index,
					  parents_situation, risk_level)
					select id, '抢先登记', 'FEMALE', date '2015-01-02', 'x', ?, 'OTHER', 'LOW' from federation where code = '140123101'""",
					this.cipher.blindIndex(sharedId));
		long before = children();
		this.mvc.perform(post("/children/import/" + job + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)));
		// the row and the reason are said, not only that the import failed
		assertThat(awaitState(job, "FAILED", LOUFAN_STAFF)).contains("行导入时出错", "没有导入任何记录");
		assertThat(children()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from child where name = '回滚甲'", Long.class)).isZero();
	}

	@Test
	void filesThatAreNotTheTemplateAreRefusedWithAClearMessage() throws Exception {
		expectFileError(new MockMultipartFile("file", "notes.xlsx", Spreadsheets.CONTENT_TYPE, "hello".getBytes()),
				"无法读取该文件");
		expectFileError(new MockMultipartFile("file", "empty.xlsx", Spreadsheets.CONTENT_TYPE, new byte[0]),
				"请选择要上传的文件");
		byte[] wrongHeaders = Spreadsheets.write("x", List.of("姓名", "电话"), List.of(List.of("张三", "13912345678")));
		expectFileError(new MockMultipartFile("file", "wrong.xlsx", Spreadsheets.CONTENT_TYPE, wrongHeaders),
				"表头与模板不一致");
		byte[] large = new byte[(int) Spreadsheets.MAX_BYTES + 1];
		expectFileError(new MockMultipartFile("file", "large.xlsx", Spreadsheets.CONTENT_TYPE, large), "超过 10 MB");
	}

	@Test
	void onlyTheUserWhoStartedAnImportSeesIt() throws Exception {
		String job = upload(workbook(List.of(row("他人甲", "女", "2014-05-06", "", "140123101"))), LOUFAN_STAFF);
		this.mvc.perform(get("/children/import/" + job).with(this.users.as(SHENCHI_STAFF)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/children/import/" + job + "/confirm").with(csrf()).with(this.users.as(SHENCHI_STAFF)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/children/import").with(this.users.as(XINZHOU_OFFICIAL)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aThousandRowFileIsCheckedAndImportedAllTogether() throws Exception {
		importAllTogether(1200, "小批", 30);
	}

	/** The same at scale, timed: {@code ./mvnw -Pbenchmark test} runs it. */
	@Test
	@Tag("benchmark")
	void aFiveThousandRowFileIsCheckedAndImportedAllTogether() throws Exception {
		importAllTogether(5000, "批量", 60);
	}

	/**
	 * Imports a file of {@code count} good rows (names with the prefix, identity numbers
	 * with sequence numbers from {@code order}, so that two calls make different
	 * children) and checks that every row is reported good and imported.
	 */
	private void importAllTogether(int count, String prefix, int order) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		LocalDate first = LocalDate.now().minusYears(17);
		String[] townships = { "140123100", "140123101", "140123102", "140123201" };
		for (int i = 0; i < count; i++) {
			LocalDate birth = first.plusDays(i);
			boolean male = i % 2 == 0;
			rows.add(row(prefix + i, male ? "男" : "女", birth.toString(), id("140123", birth, order + i % 30, male),
					townships[i % townships.length]));
		}
		byte[] file = workbook(rows);
		long before = children();
		long started = System.nanoTime();
		String job = upload(file, LOUFAN_STAFF);
		String report = awaitState(job, "CHECKED", LOUFAN_STAFF);
		long checked = System.nanoTime();
		assertThat(report).contains(String.format(Locale.ROOT, "共 %,d 行：%,d 行可以导入，0 行有问题。", count, count));
		this.mvc.perform(post("/children/import/" + job + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)));
		awaitState(job, "IMPORTED", LOUFAN_STAFF);
		long imported = System.nanoTime();
		assertThat(children()).isEqualTo(before + count);
		System.out.printf(Locale.ROOT,
				"%n[benchmark] import of a %,d-row file (%,d bytes): checked in %.1f s, imported in %.1f s%n", count,
				file.length, (checked - started) / 1e9, (imported - checked) / 1e9);
	}

	@Test
	void theExportHasMaskedNumbersNeutralisedCellsAndIsAudited() throws Exception {
		String idNumber = id("140123", LocalDate.of(2013, 4, 5), 54, false);
		String job = upload(workbook(List.of(row("=HYPERLINK(\"x\")", "女", "2013-04-05", idNumber, "140123101"))),
				LOUFAN_STAFF);
		awaitState(job, "CHECKED", LOUFAN_STAFF);
		this.mvc.perform(post("/children/import/" + job + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)));
		awaitState(job, "IMPORTED", LOUFAN_STAFF);
		long exports = this.jdbc.queryForObject("select count(*) from audit_entry where action = 'EXPORT'", Long.class);
		byte[] export = this.mvc
			.perform(get("/children/export").param("q", "HYPERLINK").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue())
				.isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
			assertThat(sheet.getRow(1).getCell(12).getStringCellValue()).isEqualTo("139****5678");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where action = 'EXPORT'", Long.class))
			.isEqualTo(exports + 1);
		byte[] outside = this.mvc
			.perform(get("/children/export").param("q", "HYPERLINK").with(this.users.as(SHENCHI_STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(outside))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
		}
	}

	private void expectFileError(MockMultipartFile file, String message) throws Exception {
		this.mvc.perform(multipart("/children/import").file(file).with(csrf()).with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(message)));
	}

	private String upload(byte[] file, String user) throws Exception {
		return upload(file, user, "zh_CN");
	}

	private String upload(byte[] file, String user, String language) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/children/import")
				.file(new MockMultipartFile("file", "children.xlsx", Spreadsheets.CONTENT_TYPE, file))
				.param("lang", language)
				.with(csrf())
				.with(this.users.as(user)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/**
	 * Polls the job's page, as the browser does, until it reaches the state (at most 60
	 * s).
	 */
	private String awaitState(String job, String state, String user) throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		String page = "";
		while (System.currentTimeMillis() < deadline) {
			page = this.mvc.perform(get("/children/import/" + job + "/progress").with(this.users.as(user)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (page.contains("data-state=\"" + state + "\"")) {
				return page;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + job + " did not reach " + state + ": " + page);
	}

	private static List<String> row(String name, String gender, String birth, String idNumber, String federation) {
		return List.of(name, gender, birth, idNumber, "留守儿童、低保、特困", "父母均外出务工", "太原", "娄烦镇中心小学", "三年级", federation, "一组",
				"张奶奶", "祖父母、外祖父母", "13912345678", "", "低", "2025-01-01", "张奶奶", "结对关爱");
	}

	private static byte[] workbook(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("儿童信息");
			Row header = sheet.createRow(0);
			for (int c = 0; c < ChildImport.HEADERS.size(); c++) {
				header.createCell(c).setCellValue(ChildImport.HEADERS.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static String id(String county, LocalDate birth, int order, boolean male) {
		String first17 = county + String.format("%04d%02d%02d%02d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth(), order) + (male ? 1 : 2);
		return IdNumbers.withCheckCharacter(first17);
	}

	private long children() {
		return this.jdbc.queryForObject("select count(*) from child", Long.class);
	}

}
