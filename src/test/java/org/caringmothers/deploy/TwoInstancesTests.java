package org.caringmothers.deploy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caringmothers.child.ChildImport;
import org.caringmothers.common.privacy.IdNumbers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one PostgreSQL database, configured as a deployment is
 * (DB_URL, DATA_SECRET): whatever one instance starts, the other continues — the
 * signed-in session, a contact photo, a spreadsheet import checked on one and confirmed
 * on the other.
 */
class TwoInstancesTests {

	static String database;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void start() {
		ServerDatabase.requireServer();
		database = ServerDatabase.create("cm_two");
		first = ServerDatabase.start(database);
		second = ServerDatabase.start(database);
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { second, first }) {
			if (context != null) {
				context.close();
			}
		}
		if (database != null) {
			ServerDatabase.drop(database);
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ServerDatabase.port(context);
	}

	@Test
	void aSessionStartedOnOneInstanceContinuesOnTheOther() throws Exception {
		WebClient browser = new WebClient();
		browser.signIn(port(first), "loufan.staff", "aixin-demo-2026");
		HttpResponse<String> page = browser.get(port(second), "/children");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"logout\"");
		HttpResponse<String> signOut = browser.post(port(second), "/logout", Map.of());
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(browser.get(port(first), "/children").statusCode()).isEqualTo(302);
	}

	@Test
	void disablingAnAccountOnOneInstanceDeletesItsStoredSessionsForBoth() throws Exception {
		org.caringmothers.account.AccountService accounts = first
			.getBean(org.caringmothers.account.AccountService.class);
		accounts.createIfAbsent("two.revoked", "两实例撤销", org.caringmothers.common.security.Role.STAFF, "140123",
				"Sunny-orchard-2026", false);
		accounts.exemptFromSecondFactor("two.revoked");
		JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
		long id = jdbc.queryForObject("select id from app_user where username = 'two.revoked'", Long.class);
		WebClient onFirst = new WebClient();
		onFirst.signIn(port(first), "two.revoked", "Sunny-orchard-2026");
		WebClient onSecond = new WebClient();
		onSecond.signIn(port(second), "two.revoked", "Sunny-orchard-2026");
		assertThat(onFirst.get(port(second), "/children").statusCode()).isEqualTo(200);
		assertThat(storedSessions(jdbc, "two.revoked")).isEqualTo(2);

		WebClient admin = new WebClient();
		admin.signIn(port(second), "admin", "aixin-demo-2026");
		assertThat(admin.get(port(second), "/accounts/" + id + "/edit").statusCode()).isEqualTo(200);
		HttpResponse<String> disabled = admin.post(port(second), "/accounts/" + id + "/enabled",
				Map.of("enabled", "false"));
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(storedSessions(jdbc, "two.revoked")).as("deleted through the principal-name index").isZero();
		for (WebClient browser : new WebClient[] { onFirst, onSecond }) {
			for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
				HttpResponse<String> page = browser.get(port(instance), "/children");
				assertThat(page.statusCode()).isEqualTo(302);
				assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
			}
		}
	}

	private static int storedSessions(JdbcTemplate jdbc, String username) {
		return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				username);
	}

	@Test
	void aPhotoUploadedOnOneInstanceIsServedByTheOther() throws Exception {
		DemoMother mother = DemoMother.logsAContactWithAPhoto(first, 800, 600);
		HttpResponse<byte[]> served = mother.phone().getBytes(port(second), "/photos/" + mother.photo());
		assertThat(served.statusCode()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
		assertThat(image.getWidth()).isEqualTo(800);
		assertThat(first.getBean(JdbcTemplate.class).queryForObject("select count(*) from photo_chunk", Long.class))
			.isPositive();
	}

	@Test
	void anImportCheckedOnOneInstanceIsConfirmedOnTheOther() throws Exception {
		JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
		long before = jdbc.queryForObject("select count(*) from child", Long.class);
		WebClient browser = new WebClient();
		browser.signIn(port(first), "loufan.staff", "aixin-demo-2026");
		assertThat(browser.get(port(first), "/children/import").statusCode()).isEqualTo(200);
		HttpResponse<String> uploaded = browser.postMultipart(port(first), "/children/import", Map.of(), "file",
				"children.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook());
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		String token = location.substring(location.lastIndexOf('/') + 1);
		awaitState(browser, port(first), token, "CHECKED");
		assertThat(jdbc.queryForObject("select rows_cipher from import_job where token = ?", String.class, token))
			.startsWith("A256GCM.")
			.doesNotContain("导入")
			.doesNotContain("13912345678");
		String checked = browser.get(port(second), "/children/import/" + token).body();
		assertThat(checked).contains("import-confirm");
		HttpResponse<String> confirmed = browser.post(port(second), "/children/import/" + token + "/confirm", Map.of());
		assertThat(confirmed.statusCode()).isEqualTo(302);
		awaitState(browser, port(second), token, "IMPORTED");
		assertThat(jdbc.queryForObject("select count(*) from child", Long.class)).isEqualTo(before + 2);
		assertThat(jdbc.queryForObject(
				"select rows_cipher is null and bad_rows_cipher is null from import_job" + " where token = ?",
				Boolean.class, token))
			.isTrue();
	}

	private static void awaitState(WebClient browser, int port, String token, String state) throws Exception {
		long deadline = System.currentTimeMillis() + 60_000;
		String page = "";
		while (System.currentTimeMillis() < deadline) {
			page = browser.get(port, "/children/import/" + token + "/progress").body();
			if (page.contains("data-state=\"" + state + "\"")) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("import " + token + " did not reach " + state + ": " + page);
	}

	private static byte[] workbook() throws Exception {
		List<List<String>> rows = List.of(row("两地甲", "女", LocalDate.of(2014, 5, 6), 71, false),
				row("两地乙", "男", LocalDate.of(2013, 2, 3), 72, true));
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

	private static List<String> row(String name, String gender, LocalDate birth, int order, boolean male) {
		String id = IdNumbers.withCheckCharacter("140123" + String.format("%04d%02d%02d%02d", birth.getYear(),
				birth.getMonthValue(), birth.getDayOfMonth(), order) + (male ? 1 : 2));
		return List.of(name, gender, birth.toString(), id, "留守儿童", "父母均外出务工", "太原", "娄烦镇中心小学", "三年级", "140123101", "一组",
				"张奶奶", "祖父母、外祖父母", "13912345678", "", "低", "2025-01-01", "张奶奶", "结对关爱");
	}

}
