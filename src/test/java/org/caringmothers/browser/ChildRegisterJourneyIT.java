package org.caringmothers.browser;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caringmothers.child.ChildImport;
import org.caringmothers.common.privacy.IdNumbers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * County staff keep the children's register in the browser: register a child with two
 * categories and a guardian, see the ID number masked and reveal it, import a spreadsheet
 * with one bad row and see that row reported.
 */
class ChildRegisterJourneyIT extends BrowserTestSupport {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(70);

	@Test
	void staffRegisterAChildAndRevealTheMaskedNumber() {
		LocalDate birth = LocalDate.of(2016, 4, 9);
		String idNumber = idNumber(birth, SEQUENCE.getAndIncrement());
		String name = "浏览器登记" + SEQUENCE.get();
		signIn(DemoUser.LOUFAN_STAFF);
		open("/children");
		clickAndWaitForNextPage(By.id("new-child"));
		type(By.id("name"), name);
		clickable(By.cssSelector("input[name='gender'][value='FEMALE']")).click();
		setDate(By.id("birthDate"), birth);
		type(By.id("idNumber"), idNumber);
		clickable(By.cssSelector("input[name='categories'][value='LEFT_BEHIND']")).click();
		clickable(By.cssSelector("input[name='categories'][value='POVERTY']")).click();
		new Select(visible(By.id("parentsSituation"))).selectByValue("BOTH_AWAY");
		type(By.id("federationCode"), "140123101");
		type(By.id("guardians0.name"), "刘奶奶");
		new Select(visible(By.id("guardians0.relation"))).selectByValue("GRANDPARENT");
		type(By.id("guardians0.phone"), "13812345678");
		new Select(visible(By.id("riskLevel"))).selectByValue("MEDIUM");
		setDate(By.id("consentDate"), LocalDate.now().minusDays(3));
		type(By.id("consentBy"), "刘奶奶");
		clickAndWaitForNextPage(By.id("child-submit"));

		assertThat(text(By.id("child-name"))).as(onPage()).isEqualTo(name);
		String body = text(By.tagName("main"));
		assertThat(body).contains("留守儿童", "低保、特困", "刘奶奶", "138****5678")
			.contains(idNumber.substring(0, 6) + "********" + idNumber.substring(14))
			.doesNotContain(idNumber)
			.doesNotContain("13812345678");

		clickAndWaitForNextPage(By.cssSelector("#child-id-number .reveal-button"));
		assertThat(text(By.cssSelector("#child-id-number .revealed-number"))).isEqualTo(idNumber);
	}

	@Test
	void staffImportASpreadsheetAndSeeTheBadRowReported() throws Exception {
		LocalDate birth = LocalDate.of(2013, 8, 20);
		String good = "表格导入好" + SEQUENCE.incrementAndGet();
		Path file = workbook(List.of(row(good, idNumber(birth, SEQUENCE.incrementAndGet()), birth),
				row("表格导入坏" + SEQUENCE.get(), "140123201308201239", birth)));
		signIn(DemoUser.LOUFAN_STAFF);
		open("/children/import");
		visible(By.id("import-template"));
		WebElement upload = present(By.id("file"));
		upload.sendKeys(file.toAbsolutePath().toString());
		clickAndWaitForNextPage(By.id("import-upload"));

		assertThat(text(By.id("import-summary"))).as(onPage()).isEqualTo("共 2 行：1 行可以导入，1 行有问题。");
		String report = text(By.id("bad-rows"));
		assertThat(report).contains("3").contains("身份证号").contains("校验位不正确");
		assertThat(browserErrors()).isEmpty();

		clickAndWaitForNextPage(By.id("import-confirm"));
		assertThat(text(By.id("import-done"))).as(onPage()).contains("已导入 1 条记录");
		open("/children?q=" + good);
		assertThat(text(By.id("children"))).contains(good);
		Files.deleteIfExists(file);
	}

	private void setDate(By input, LocalDate date) {
		WebElement element = visible(input);
		script("arguments[0].value = arguments[1]", element, date.toString());
	}

	private static List<String> row(String name, String idNumber, LocalDate birth) {
		return List.of(name, "女", birth.toString(), idNumber, "留守儿童", "父母均外出务工", "太原", "静游镇中心小学", "五年级", "140123101",
				"二组", "刘奶奶", "祖父母、外祖父母", "13812345678", "", "低", LocalDate.now().minusDays(5).toString(), "刘奶奶",
				"结对关爱");
	}

	private static Path workbook(List<List<String>> rows) throws Exception {
		Path file = Files.createTempFile("children-", ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
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
		}
		return file;
	}

	/** A valid girl's ID number of 娄烦县 with an order code no other test uses. */
	private static String idNumber(LocalDate birth, int order) {
		return IdNumbers.withCheckCharacter(String.format("140123%04d%02d%02d%02d%d", birth.getYear(),
				birth.getMonthValue(), birth.getDayOfMonth(), order % 100, 2));
	}

}
