package org.caringmothers.account;

import java.security.SecureRandom;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.DatabaseMode;
import org.caringmothers.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a database without accounts and without demo data, creates the first administrator
 * {@code admin} at the root of the tree. Its one-time password comes from
 * {@code ADMIN_INITIAL_PASSWORD} or is generated and printed once; it must be changed at
 * first sign-in.
 */
@Component
@Order(30)
@RequiredArgsConstructor
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	static final String ROOT_CODE = "140000";

	private final AccountService accounts;

	private final DatabaseMode databaseMode;

	@Value("${caringmothers.bootstrap.admin-password:}")
	private String configuredPassword;

	@Override
	public void run(ApplicationArguments args) {
		if (this.databaseMode.demoData() || this.accounts.count() > 0) {
			return;
		}
		boolean generated = this.configuredPassword == null || this.configuredPassword.isBlank();
		String password = generated ? randomPassword() : this.configuredPassword;
		this.accounts.createIfAbsent("admin", "系统管理员", Role.ADMIN, ROOT_CODE, password, true);
		if (generated) {
			log.warn("First administrator account 'admin' created. One-time password: {} (shown once; it must be"
					+ " changed at first sign-in)", password);
		}
		else {
			log.warn("First administrator account 'admin' created with the password from ADMIN_INITIAL_PASSWORD;"
					+ " it must be changed at first sign-in");
		}
	}

	static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		password.append(random.nextInt(10));
		return password.toString();
	}

}
