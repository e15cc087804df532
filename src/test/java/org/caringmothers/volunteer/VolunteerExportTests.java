package org.caringmothers.volunteer;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The roster export: the user's scope only, masked numbers, audited. */
@SpringBootTest
@AutoConfigureMockMvc
class VolunteerExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theExportHoldsTheScopesVolunteersWithMaskedNumbers() throws Exception {
		long exports = this.jdbc.queryForObject("select count(*) from audit_entry where action = 'EXPORT'", Long.class);
		long inLoufan = this.jdbc.queryForObject("""
				select count(*) from volunteer v join federation f on f.id = v.federation_id
				where f.path like (select path || '%' from federation where code = '140123')""", Long.class);
		byte[] file = this.mvc
			.perform(get("/volunteers/export").with(new DemoUsers(this.userDetails).as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String plainPhone = this.jdbc.queryForObject(
				"""
						select v.phone from volunteer v join app_user a on a.id = v.account_id where a.username = 'loufan.mother'""",
				String.class);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(sheet.getLastRowNum()).isEqualTo(inLoufan);
			boolean foundMother = false;
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				assertThat(row.getCell(4).getStringCellValue()).matches("\\d{6}\\*{8}[0-9X]{4}");
				assertThat(row.getCell(5).getStringCellValue()).matches("1\\d{2}\\*{4}\\d{4}");
				if (row.getCell(0).getStringCellValue().equals("林秋菊")) {
					foundMother = true;
					assertThat(row.getCell(5).getStringCellValue()).isNotEqualTo(plainPhone);
				}
			}
			assertThat(foundMother).isTrue();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where action = 'EXPORT'", Long.class))
			.isEqualTo(exports + 1);
		byte[] shenchi = this.mvc
			.perform(get("/volunteers/export").param("q", "林秋菊")
				.with(new DemoUsers(this.userDetails).as(DemoUsers.SHENCHI_STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(shenchi))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
		}
	}

}
