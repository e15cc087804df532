package org.caringmothers.common;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Least privilege on a database server: with {@code DB_MIGRATION_USER} (and
 * {@code DB_MIGRATION_PASSWORD}) set beside {@code DB_URL}, Flyway migrates as that role,
 * the owner of the schema, while the application connects as {@code DB_USER}, a role that
 * owns nothing; the callback {@code afterMigrate__grant_application_role.sql} gives it
 * what it needs (rows, never the access log's changes, never a table's definition).
 * Without {@code DB_MIGRATION_USER} one role does both, as before.
 */
@Configuration(proxyBeanMethods = false)
class MigrationCredentials {

	@Bean
	FlywayConfigurationCustomizer migrationAsOwner(Environment environment) {
		return (configuration) -> {
			String url = environment.getProperty("DB_URL");
			String user = environment.getProperty("DB_MIGRATION_USER");
			if (StringUtils.hasText(url) && StringUtils.hasText(user)) {
				configuration.dataSource(url, user, environment.getProperty("DB_MIGRATION_PASSWORD", ""));
			}
		};
	}

}
