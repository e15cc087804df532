package org.caringmothers.common;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells whether the application runs on its own embedded PostgreSQL and whether demo data
 * belongs in it: by default only the embedded database gets demo data; a database given
 * by {@code DB_URL} gets it only when {@code caringmothers.demo.enabled=true} is set.
 */
@Component
public class DatabaseMode {

	private final Environment environment;

	public DatabaseMode(Environment environment) {
		this.environment = environment;
	}

	public boolean embedded() {
		return !StringUtils.hasText(this.environment.getProperty("DB_URL"));
	}

	public boolean demoData() {
		String setting = this.environment.getProperty("caringmothers.demo.enabled", "auto").trim();
		if ("auto".equalsIgnoreCase(setting) || setting.isEmpty()) {
			return embedded();
		}
		return Boolean.parseBoolean(setting);
	}

}
