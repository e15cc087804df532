package org.caringmothers.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two credentials, as the README's deployment section sets them up: Flyway migrates as
 * the owner ({@code DB_MIGRATION_USER}), the application connects as a role of its own
 * ({@code DB_USER}) that owns nothing. The application works as usual (demo data,
 * sign-in, audited pages, a visit with a photo, the access log's partitions), while that
 * role can neither drop nor alter the access log, nor switch off its triggers, nor change
 * or delete an entry.
 */
class LeastPrivilegeTests {

	static final String APP_PASSWORD = "app-" + UUID.randomUUID();

	static String database;

	static String role;

	static ConfigurableApplicationContext app;

	@BeforeAll
	static void start() {
		ServerDatabase.requireServer();
		role = "cm_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		ServerDatabase.execute("create role " + role + " login password '" + APP_PASSWORD + "'");
		database = ServerDatabase.create("cm_least");
		app = ServerDatabase.start(database, "DB_USER=" + role, "DB_PASSWORD=" + APP_PASSWORD,
				"DB_MIGRATION_USER=" + ServerDatabase.USER, "DB_MIGRATION_PASSWORD=" + ServerDatabase.PASSWORD);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (database != null) {
			ServerDatabase.drop(database);
		}
		if (role != null) {
			ServerDatabase.execute("drop role if exists " + role);
		}
	}

	@Test
	void theApplicationConnectsAsItsOwnRoleAndFlywayAsTheOwner() {
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(role);
		assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'child'", String.class))
			.isEqualTo(ServerDatabase.USER);
		assertThat(jdbc.queryForObject(
				"select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = ?)",
				Long.class, role))
			.isZero();
		// the partitions of this month and the next two, created at start-up through the
		// owner's function
		String month = LocalDate.now(ZoneId.of("Asia/Shanghai"))
			.plusMonths(2)
			.format(DateTimeFormatter.ofPattern("yyyy_MM"));
		assertThat(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, "audit_entry_" + month))
			.isTrue();
	}

	@Test
	void theApplicationWorksAndItsActionsAreAudited() throws Exception {
		int port = ServerDatabase.port(app);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		long entries = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
		WebClient staff = new WebClient();
		staff.signIn(port, "loufan.staff", "aixin-demo-2026");
		assertThat(staff.get(port, "/children").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isGreaterThan(entries);

		DemoMother mother = DemoMother.logsAContactWithAPhoto(app, 320, 240);
		assertThat(mother.phone().getBytes(port, "/photos/" + mother.photo()).statusCode()).isEqualTo(200);
	}

	@Test
	void theApplicationsRoleCannotTouchTheAccessLog() throws Exception {
		String partition = "audit_entry_"
				+ LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy_MM"));
		try (Connection connection = DriverManager.getConnection(ServerDatabase.url(database), role, APP_PASSWORD);
				Statement statement = connection.createStatement()) {
			// it may add and read entries
			statement.execute(
					"insert into audit_entry (actor_username, action, record_type) values ('least.test', 'VIEW', 'CHILD')");
			for (String sql : List.of("drop table audit_entry", "drop table " + partition,
					"alter table audit_entry disable trigger all", "alter table " + partition + " disable trigger all",
					"alter table audit_entry detach partition " + partition,
					"drop trigger audit_entry_no_update_or_delete on audit_entry",
					"drop function audit_entry_refuse_change() cascade",
					"create or replace function audit_entry_refuse_change() returns trigger as $$ begin return old; end; $$ language plpgsql",
					"delete from audit_entry", "delete from " + partition, "update audit_entry set summary = 'changed'",
					"truncate audit_entry", "truncate " + partition,
					"select audit_entry_archive_month('" + partition + "')", "drop table child",
					"alter table child add column intruder int", "delete from flyway_schema_history",
					"create table intruder (id int)")) {
				assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class);
			}
			assertThat(count(statement, "select count(*) from audit_entry where actor_username = 'least.test'"))
				.isOne();
			assertThat(count(statement,
					"select count(*) from pg_trigger where tgrelid = 'audit_entry'::regclass and tgenabled = 'O'"))
				.isEqualTo(2);
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (var result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

}
