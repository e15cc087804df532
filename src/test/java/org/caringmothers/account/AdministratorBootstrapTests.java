package org.caringmothers.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database without demo data (as one given by DB_URL) gets the federation tree and one
 * administrator whose one-time password must be changed at first sign-in, and no demo
 * accounts.
 */
@SpringBootTest(properties = { "DB_URL=", "caringmothers.demo.enabled=false",
		"caringmothers.embedded-db.data-dir=target/test-postgres/bootstrap-${random.uuid}",
		"caringmothers.bootstrap.admin-password=First-Admin-2026" })
class AdministratorBootstrapTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AdministratorBootstrap bootstrap;

	@Test
	void createsOneAdministratorWhoMustChangeThePassword() {
		assertThat(this.jdbc.queryForObject("select count(*) from federation", Long.class)).isEqualTo(1485);
		assertThat(this.jdbc.queryForList("select username from app_user", String.class)).containsExactly("admin");
		assertThat(this.jdbc.queryForObject("select must_change_password from app_user", Boolean.class)).isTrue();
		assertThat(this.jdbc.queryForObject("select role from app_user", String.class)).isEqualTo("ADMIN");
		String hash = this.jdbc.queryForObject("select password_hash from app_user", String.class);
		assertThat(hash).startsWith("{argon2}");
		assertThat(this.encoder.matches("First-Admin-2026", hash)).isTrue();
		this.bootstrap.run(null);
		assertThat(this.jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(1);
	}

	@Test
	void generatedPasswordsMeetThePolicy() {
		for (int i = 0; i < 50; i++) {
			assertThat(PasswordPolicy.problem(AdministratorBootstrap.randomPassword(), "admin")).isNull();
		}
	}

}
