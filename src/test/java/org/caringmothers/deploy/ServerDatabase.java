package org.caringmothers.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

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
		try (Connection connection = DriverManager.getConnection(url(USER), USER, PASSWORD)) {
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

	static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(url(USER), USER, PASSWORD);
				Statement statement = connection.createStatement()) {
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
