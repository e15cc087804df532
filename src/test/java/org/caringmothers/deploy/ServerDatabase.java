package org.caringmothers.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caringmothers.CaringMothersApplication;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A PostgreSQL server on this machine (the PostgreSQL 15 that {@code .ci/run} starts,
 * with a role {@code caringmothers_test} that logs in over TCP with a password and may
 * create databases and roles). Each test gets fresh databases of its own. Without such a
 * server the tests skip, except under {@code CI=true}, where they fail.
 */
final class ServerDatabase {

	static final String HOST = env("TEST_PG_HOST", "localhost:5432");

	static final String USER = env("TEST_PG_USER", "caringmothers_test");

	static final String PASSWORD = env("TEST_PG_PASSWORD", "caringmothers_test");

	static final String SECRET = "dGVzdCBkYXRhIHNlY3JldCBmb3IgdHdvIGluc3RhbmNlcyE=";

	private ServerDatabase() {
	}

	static String url(String database) {
		return "jdbc:postgresql://" + HOST + "/" + database;
	}

	/** Skips (or under CI fails) when no server answers. */
	static void requireServer() {
		try (Connection connection = connect(USER)) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			String reason = "No PostgreSQL at " + HOST + " for " + USER + " (.ci/run sets it up): " + ex.getMessage();
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(reason);
			}
			Assumptions.abort(reason);
		}
	}

	/** A new, empty database owned by the test role; answers its name. */
	static String create(String prefix) {
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create database " + name);
		return name;
	}

	static void drop(String name) {
		execute("drop database if exists " + name + " with (force)");
	}

	/**
	 * The application started on the database as a deployment runs it: DATA_SECRET set,
	 * demo data, sessions in PostgreSQL (the test configuration leaves them out) and a
	 * free port, connecting as the test role. Later properties override these, e.g.
	 * {@code "DEMO_DATA=false"} or another {@code DB_USER}.
	 */
	static ConfigurableApplicationContext start(String database, String... properties) {
		List<String> all = new ArrayList<>(List.of("DB_URL=" + url(database), "DB_USER=" + USER,
				"DB_PASSWORD=" + PASSWORD, "DATA_SECRET=" + SECRET, "DEMO_DATA=true", "PORT=0"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(CaringMothersApplication.class).properties(all.toArray(String[]::new))
			.run("--spring.autoconfigure.exclude=");
	}

	/** The port a started application listens on. */
	static int port(ConfigurableApplicationContext application) {
		return Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
	}

	/** A connection to the database as the test role (the owner). */
	static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(database), USER, PASSWORD);
	}

	/** Queries on the database as the test role, outside any application. */
	static JdbcTemplate jdbc(String database) {
		return new JdbcTemplate(new DriverManagerDataSource(url(database), USER, PASSWORD));
	}

	static void execute(String sql) {
		try (Connection connection = connect(USER); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
