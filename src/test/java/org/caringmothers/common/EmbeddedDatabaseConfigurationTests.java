package org.caringmothers.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database of {@code ./mvnw spring-boot:run}: crash-safe settings, and a
 * password on every connection, also after a restart on the same data folder.
 */
class EmbeddedDatabaseConfigurationTests {

	@TempDir
	Path folder;

	@Test
	void runsCrashSafeAndAsksForAPassword() throws Exception {
		EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
		String dataDir = this.folder.resolve("postgres").toString();
		for (int start = 0; start < 2; start++) {
			try (EmbeddedPostgres postgres = configuration.embeddedPostgres(dataDir, false, true)) {
				DataSource dataSource = configuration.dataSource(postgres);
				try {
					JdbcTemplate jdbc = new JdbcTemplate(dataSource);
					assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
					assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
					assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
					jdbc.execute("create table if not exists kept (n int)");
					jdbc.update("insert into kept values (?)", start);
					assertThat(jdbc.queryForObject("select count(*) from kept", Integer.class)).isEqualTo(start + 1);
					String url = postgres.getJdbcUrl("postgres", "postgres");
					assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
						.isInstanceOf(SQLException.class);
					assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
						.isInstanceOf(SQLException.class)
						.hasMessageContaining("password");
				}
				finally {
					((HikariDataSource) dataSource).close();
				}
			}
		}
		Path passwordFile = this.folder.resolve("postgres-password");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
	}

}
