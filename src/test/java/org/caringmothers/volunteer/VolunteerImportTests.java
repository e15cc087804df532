package org.caringmothers.volunteer;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Importing mothers and reserves: the report of bad rows, all-or-nothing, scale. */
@SpringBootTest
@AutoConfigureMockMvc
class VolunteerImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void theTemplateHasTheChineseHeaders() throws Exception {
		byte[] template = this.mvc.perform(get("/volunteers/import/template").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(4).getStringCellValue()).isEqualTo("身份证号");
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("爱心妈妈");
		}
		this.mvc.perform(get("/volunteers/import").with(this.users.as(XINZHOU_OFFICIAL)))
			.andExpect(status().isForbidden());
	}

	@Test
	void badRowsAreReportedAndOnlyGoodRowsAreImportedAsApplicants() throws Exception {
		LocalDate birth = LocalDate.of(1979, 3, 4);
		List<List<String>> rows = List.of(row("导入妈妈甲", id(birth, 81), birth, "140123101"),
				row("导入妈妈乙", "140123197903048129", birth, "140123101"),
				row("导入妈妈丙", id(birth.plusDays(1), 82), birth.plusDays(1), "140927100"),
				row("导入妈妈丁", id(birth.plusDays(2), 83), birth.plusDays(2), "140123102"));
		long before = count();
		String job = upload(workbook(rows));
		String report = await(job, "CHECKED");
		assertThat(report).contains("共 4 行：2 行可以导入，2 行有问题。").contains("校验位不正确").contains("您管辖范围内没有");
		assertThat(count()).isEqualTo(before);
		this.mvc.perform(post("/volunteers/import/" + job + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)));
		assertThat(await(job, "IMPORTED")).contains("已导入 2 条记录");
		assertThat(
				this.jdbc.queryForList("select status from volunteer where name in ('导入妈妈甲', '导入妈妈丁')", String.class))
			.containsExactly("APPLIED", "APPLIED");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from volunteer_status_change where volunteer_id in (select id from volunteer where name = '导入妈妈甲')",
				Long.class))
			.isEqualTo(1);
		this.mvc.perform(get("/volunteers/import/" + job).with(this.users.as(SHENCHI_STAFF)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anEnglishUserReadsTheColumnsInEnglishWithTheTemplatesHeaders() throws Exception {
		LocalDate birth = LocalDate.of(1980, 5, 6);
		List<String> badRole = new java.util.ArrayList<>(row("英文妈妈甲", id(birth, 84), birth, "140123101"));
		badRole.set(1, "园长");
		List<String> badId = row("英文妈妈乙", "140123198005068129", birth, "140123101");
		String report = await(upload(workbook(List.of(badRole, badId)), "en"), "CHECKED");
		assertThat(report).contains("“Role (角色)”: “园长” is not recognised")
			.contains("“ID number (身份证号)”: ")
			.doesNotContain("“角色”")
			.doesNotContain("“身份证号”");
	}

	@Test
	void wrongFilesGetAClearMessage() throws Exception {
		this.mvc
			.perform(multipart("/volunteers/import")
				.file(new MockMultipartFile("file", "x.xlsx", Spreadsheets.CONTENT_TYPE, "nope".getBytes()))
				.with(csrf())
				.with(this.users.as(LOUFAN_STAFF)))
			.andExpect(content().string(containsString("无法读取该文件")));
	}

	@Test
	void aThousandRowFileIsCheckedAndImportedAllTogether() throws Exception {
		importAllTogether(1200, "小批妈妈", 74);
	}

	/** The same at scale, timed: {@code ./mvnw -Pbenchmark test} runs it. */
	@Test
	@Tag("benchmark")
	void aFiveThousandRowFileIsCheckedAndImportedAllTogether() throws Exception {
		importAllTogether(5000, "批量妈妈", 84);
	}

	/**
	 * Imports a file of {@code count} good rows (names with the prefix, identity numbers
	 * with sequence numbers from {@code order}, so that two calls make different people)
	 * and checks that every row is reported good and imported.
	 */
	private void importAllTogether(int count, String prefix, int order) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		LocalDate first = LocalDate.of(1965, 1, 1);
		for (int i = 0; i < count; i++) {
			LocalDate birth = first.plusDays(i);
			rows.add(row(prefix + i, id(birth, order + i % 10), birth, i % 2 == 0 ? "140123101" : "140123102"));
		}
		byte[] file = workbook(rows);
		long before = count();
		long started = System.nanoTime();
		String job = upload(file);
		assertThat(await(job, "CHECKED")).contains(String.format(Locale.ROOT, "%,d 行可以导入", count));
		long checked = System.nanoTime();
		this.mvc.perform(post("/volunteers/import/" + job + "/confirm").with(csrf()).with(this.users.as(LOUFAN_STAFF)));
		await(job, "IMPORTED");
		long imported = System.nanoTime();
		assertThat(count()).isEqualTo(before + count);
		System.out.printf(Locale.ROOT,
				"%n[benchmark] volunteer import of %,d rows (%,d bytes): checked in %.1f s, imported in %.1f s%n",
				count, file.length, (checked - started) / 1e9, (imported - checked) / 1e9);
	}

	private String upload(byte[] file) throws Exception {
		return upload(file, "zh_CN");
	}

	private String upload(byte[] file, String language) throws Exception {
		String location = this.mvc
			.perform(multipart("/volunteers/import")
				.file(new MockMultipartFile("file", "v.xlsx", Spreadsheets.CONTENT_TYPE, file))
				.param("lang", language)
				.with(csrf())
				.with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private String await(String job, String state) throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		String page = "";
		while (System.currentTimeMillis() < deadline) {
			page = this.mvc.perform(get("/volunteers/import/" + job + "/progress").with(this.users.as(LOUFAN_STAFF)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (page.contains("data-state=\"" + state + "\"")) {
				return page;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import did not reach " + state + ": " + page);
	}

	private static List<String> row(String name, String idNumber, LocalDate birth, String federation) {
		return List.of(name, "爱心妈妈", "女", birth.toString(), idNumber, "13912345678", federation, "县医院", "护士", "护士、医生");
	}

	private static String id(LocalDate birth, int order) {
		return IdNumbers.withCheckCharacter(String.format("140123%04d%02d%02d%02d%d", birth.getYear(),
				birth.getMonthValue(), birth.getDayOfMonth(), order, 2));
	}

	private static byte[] workbook(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("v");
			Row header = sheet.createRow(0);
			for (int c = 0; c < VolunteerImport.HEADERS.size(); c++) {
				header.createCell(c).setCellValue(VolunteerImport.HEADERS.get(c));
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

	private long count() {
		return this.jdbc.queryForObject("select count(*) from volunteer", Long.class);
	}

}
