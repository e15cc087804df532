package org.caringmothers.common.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import org.caringmothers.common.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the data secret comes from. {@code DATA_SECRET} when it is given, and it must be
 * strong (at least 32 characters drawn from at least 12 different ones, and not the
 * development secret). Without it:
 * <ul>
 * <li>with {@code DB_URL} the application refuses to start;</li>
 * <li>on the embedded database with demo data, the development secret is used (the demo
 * holds no real person);</li>
 * <li>on the embedded database without demo data, a random secret is generated on the
 * first start and kept beside the database in the data folder ({@code data/data-secret},
 * readable by its owner only), so that a cold copy of the folder holds both.</li>
 * </ul>
 * {@code DATA_SECRET_PREVIOUS} names the secret being replaced while the data are
 * re-encrypted (see the README).
 */
@Component
public class DataSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final String DEVELOPMENT_SECRET = "caring-mothers-development-secret-not-for-production";

	static final int MINIMUM_LENGTH = 32;

	static final int MINIMUM_DISTINCT = 12;

	private static final Logger log = LoggerFactory.getLogger(DataSecrets.class);

	private final String current;

	private final String previous;

	DataSecrets(DatabaseMode mode, @Value("${caringmothers.crypto.secret:}") String secret,
			@Value("${caringmothers.crypto.previous-secret:}") String previous,
			@Value("${caringmothers.embedded-db.data-dir:data/postgres}") String embeddedDataDir) {
		this.previous = previous.isBlank() ? null : previous.trim();
		if (!secret.isBlank()) {
			this.current = secret.trim();
			if (!(mode.demoData() && DEVELOPMENT_SECRET.equals(this.current))) {
				requireStrong(this.current, "DATA_SECRET");
			}
		}
		else if (!mode.embedded()) {
			throw new IllegalStateException("DATA_SECRET is not set. With DB_URL the application needs a secret of its"
					+ " own to encrypt identity numbers: make one with `openssl rand -base64 32`, keep it safe (without"
					+ " it the encrypted data cannot be read) and set it as DATA_SECRET.");
		}
		else if (mode.demoData()) {
			log.warn("Demo data: identity numbers are encrypted with the development secret.");
			this.current = DEVELOPMENT_SECRET;
		}
		else {
			this.current = generatedSecret(
					Path.of(embeddedDataDir).toAbsolutePath().getParent().resolve("data-secret"));
		}
	}

	public String current() {
		return this.current;
	}

	public String previous() {
		return this.previous;
	}

	static void requireStrong(String secret, String name) {
		if (DEVELOPMENT_SECRET.equals(secret) || secret.length() < MINIMUM_LENGTH
				|| secret.chars().distinct().count() < MINIMUM_DISTINCT) {
			throw new IllegalStateException(name + " is too weak: use at least " + MINIMUM_LENGTH
					+ " random characters, e.g. the output of `openssl rand -base64 32`.");
		}
	}

	static String generatedSecret(Path file) {
		try {
			if (Files.exists(file)) {
				String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
				requireStrong(stored, file.toString());
				return stored;
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			String secret = Base64.getEncoder().encodeToString(random);
			boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
			if (posix) {
				Files.createFile(file,
						PosixFilePermissions
							.asFileAttribute(EnumSet.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
									java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
			}
			Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
			log.warn("Generated a data secret in {}: keep it with the database (backups need both).", file);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the data secret " + file, ex);
		}
	}

}
