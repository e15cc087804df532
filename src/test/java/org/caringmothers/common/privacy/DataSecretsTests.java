package org.caringmothers.common.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.caringmothers.common.DatabaseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSecretsTests {

	@TempDir
	Path folder;

	private DataSecrets secrets(String dbUrl, String demo, String secret) {
		MockEnvironment environment = new MockEnvironment().withProperty("caringmothers.demo.enabled", demo);
		if (dbUrl != null) {
			environment.setProperty("DB_URL", dbUrl);
		}
		return new DataSecrets(new DatabaseMode(environment), secret, "", this.folder.resolve("postgres").toString());
	}

	@Test
	void aServerDatabaseWithoutSecretRefusesToStartAndSaysHowToMakeOne() {
		assertThatThrownBy(() -> secrets("jdbc:postgresql://db/x", "auto", ""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("DATA_SECRET")
			.hasMessageContaining("openssl rand -base64 32");
	}

	@Test
	void aWeakSecretIsRefused() {
		assertThatThrownBy(() -> secrets("jdbc:postgresql://db/x", "auto", "password123"))
			.hasMessageContaining("too weak");
		assertThatThrownBy(() -> secrets("jdbc:postgresql://db/x", "auto", "a".repeat(40)))
			.hasMessageContaining("too weak");
		assertThatThrownBy(() -> secrets("jdbc:postgresql://db/x", "auto", DataSecrets.DEVELOPMENT_SECRET))
			.hasMessageContaining("too weak");
		assertThat(secrets("jdbc:postgresql://db/x", "auto", SensitiveDataCipherTests.SECRET).current())
			.isEqualTo(SensitiveDataCipherTests.SECRET);
	}

	@Test
	void onlyTheDemoUsesTheDevelopmentSecret() {
		assertThat(secrets(null, "auto", "").current()).isEqualTo(DataSecrets.DEVELOPMENT_SECRET);
		assertThat(Files.exists(this.folder.resolve("data-secret"))).isFalse();
	}

	@Test
	void theEmbeddedDatabaseWithoutDemoKeepsAGeneratedSecretReadableByItsOwnerOnly() throws Exception {
		String first = secrets(null, "false", "").current();
		Path file = this.folder.resolve("data-secret");
		assertThat(first).isNotEqualTo(DataSecrets.DEVELOPMENT_SECRET).hasSizeGreaterThanOrEqualTo(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(secrets(null, "false", "").current()).isEqualTo(first);
		assertThat(secrets(null, "false", SensitiveDataCipherTests.SECRET).current())
			.isEqualTo(SensitiveDataCipherTests.SECRET);
	}

}
