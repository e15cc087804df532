package org.caringmothers.deploy;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backup the README documents, done for real against the machine's PostgreSQL 15: a
 * database populated through the application (demo data, a visit photo uploaded by a
 * mother, children's pages viewed and so audited) is dumped with {@code pg_dump -Fc},
 * restored with {@code pg_restore} into a fresh database, and the application started on
 * the copy finds every record, the photo's bytes and the access log, which is still
 * append-only.
 */
class BackupRestoreTests {

	static final String BIN = System.getenv().getOrDefault("TEST_PG_BIN", "/usr/lib/postgresql/15/bin");

	static String source;

	static String restored;

	@BeforeAll
	static void server() {
		ServerDatabase.requireServer();
		source = ServerDatabase.create("cm_backup");
		restored = ServerDatabase.create("cm_restored");
	}

	@AfterAll
	static void drop() {
		for (String database : new String[] { source, restored }) {
			if (database != null) {
				ServerDatabase.drop(database);
			}
		}
	}

	@Test
	void aDumpRestoredIntoAFreshDatabaseHoldsEveryRecordPhotoAndAuditEntry() throws Exception {
		long photo;
		byte[] photoBytes;
		String childPath;
		String childPage;
		ConfigurableApplicationContext original = ServerDatabase.start(source);
		try {
			int port = ServerDatabase.port(original);
			DemoMother mother = DemoMother.logsAContactWithAPhoto(original, 640, 480);
			photo = mother.photo();
			HttpResponse<byte[]> served = mother.phone().getBytes(port, "/photos/" + photo);
			assertThat(served.statusCode()).isEqualTo(200);
			photoBytes = served.body();
			assertThat(photoBytes).isNotEmpty();

			WebClient staff = new WebClient();
			staff.signIn(port, "loufan.staff", "aixin-demo-2026");
			Matcher child = Pattern.compile("href=\"(/children/\\d+)\"").matcher(staff.get(port, "/children").body());
			assertThat(child.find()).isTrue();
			childPath = child.group(1);
			HttpResponse<String> page = staff.get(port, childPath);
			assertThat(page.statusCode()).isEqualTo(200);
			childPage = page.body();
		}
		finally {
			original.close();
		}

		Map<String, Long> before = counts(source);
		List<String> auditBefore = audit(source);
		assertThat(before.get("child")).isPositive();
		assertThat(before.get("visit_photo")).isPositive();
		assertThat(before.get("photo_chunk")).isPositive();
		assertThat(auditBefore).anyMatch((entry) -> entry.contains("|VIEW|CHILD|"))
			.anyMatch((entry) -> entry.contains("|SIGN_IN|"));

		Path dump = Files.createTempFile("caringmothers", ".dump");
		try {
			run(BIN + "/pg_dump", "-Fc", "-h", host(), "-p", port(), "-U", ServerDatabase.USER, "-d", source, "-f",
					dump.toString());
			assertThat(Files.size(dump)).isPositive();
			run(BIN + "/pg_restore", "--exit-on-error", "--single-transaction", "-h", host(), "-p", port(), "-U",
					ServerDatabase.USER, "-d", restored, dump.toString());
		}
		finally {
			Files.deleteIfExists(dump);
		}

		assertThat(counts(restored)).isEqualTo(before);
		assertThat(audit(restored)).isEqualTo(auditBefore);
		appendOnly(restored);

		ConfigurableApplicationContext copy = ServerDatabase.start(restored, "DEMO_DATA=false");
		try {
			int port = ServerDatabase.port(copy);
			WebClient phone = new WebClient();
			phone.signIn(port, "loufan.mother", "aixin-demo-2026");
			HttpResponse<byte[]> served = phone.getBytes(port, "/photos/" + photo);
			assertThat(served.statusCode()).isEqualTo(200);
			assertThat(served.body()).isEqualTo(photoBytes);

			WebClient staff = new WebClient();
			staff.signIn(port, "loufan.staff", "aixin-demo-2026");
			HttpResponse<String> page = staff.get(port, childPath);
			assertThat(page.statusCode()).isEqualTo(200);
			// the child's name and details decrypt with the same DATA_SECRET
			assertThat(title(page.body())).isEqualTo(title(childPage));

			JdbcTemplate jdbc = copy.getBean(JdbcTemplate.class);
			for (String table : List.of("child", "volunteer", "pairing", "visit", "visit_photo", "photo_chunk",
					"app_user", "federation")) {
				assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table)
					.isEqualTo(before.get(table));
			}
			// the restored log continues: everything before, and the new sign-ins after
			List<String> auditAfter = audit(restored);
			assertThat(auditAfter.subList(0, auditBefore.size())).isEqualTo(auditBefore);
			assertThat(auditAfter.size()).isGreaterThan(auditBefore.size());
		}
		finally {
			copy.close();
		}
		appendOnly(restored);
	}

	private static String title(String page) {
		Matcher matcher = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1).strip();
	}

	/** Rows of every table of the schema (partitions included). */
	private static Map<String, Long> counts(String database) {
		JdbcTemplate jdbc = ServerDatabase.jdbc(database);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : jdbc.queryForList("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'spring_session_attributes'
				  and c.relname <> 'spring_session' order by c.relname""", String.class)) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return counts;
	}

	private static List<String> audit(String database) {
		return ServerDatabase.jdbc(database).queryForList("""
				select id || '|' || occurred_at || '|' || action || '|' || record_type || '|'
				       || coalesce(record_id::text, '') || '|' || actor_username || '|' || coalesce(summary, '')
				from audit_entry order by id""", String.class);
	}

	private static void appendOnly(String database) throws SQLException {
		try (Connection connection = ServerDatabase.connect(database);
				Statement statement = connection.createStatement()) {
			for (String sql : List.of("update audit_entry set summary = 'changed'", "delete from audit_entry",
					"truncate audit_entry")) {
				assertThatThrownBy(() -> statement.execute(sql)).as(sql)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("audit entries cannot be changed or deleted");
			}
		}
	}

	private static String host() {
		return ServerDatabase.HOST.substring(0, ServerDatabase.HOST.lastIndexOf(':'));
	}

	private static String port() {
		return ServerDatabase.HOST.substring(ServerDatabase.HOST.lastIndexOf(':') + 1);
	}

	private static void run(String... command) throws Exception {
		File log = File.createTempFile("caringmothers", ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
			builder.environment().put("PGPASSWORD", ServerDatabase.PASSWORD);
			Process process = builder.start();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
			assertThat(process.exitValue()).as(Files.readString(log.toPath())).isZero();
		}
		finally {
			Files.deleteIfExists(log.toPath());
		}
	}

}
