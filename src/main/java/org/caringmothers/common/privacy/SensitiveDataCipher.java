package org.caringmothers.common.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest for identity numbers and other personal data, and a keyed hash
 * (blind index) so that a record stays findable by its exact number.
 * <p>
 * Keys come from the data secret ({@code DATA_SECRET}, see {@link DataSecrets}) through
 * HKDF, one key per purpose. Each ciphertext reads {@code SUITE.KEYID$base64}: the suite
 * names the algorithms ({@code A256GCM}: AES-256-GCM and HMAC-SHA-256; {@code SM4GCM}:
 * SM4-GCM and HMAC-SM3, for a 商用密码 assessment), the key id names the secret it was made
 * with, and the column it belongs to is bound in as associated data. Which suite new
 * values use is configuration ({@code caringmothers.crypto.algorithm}); values under any
 * suite and under the previous secret ({@code DATA_SECRET_PREVIOUS}) stay readable until
 * {@link SensitiveDataReencryption} has moved them. Values of the first format (plain
 * Base64 of nonce and AES-GCM ciphertext, key = SHA-256 of purpose and secret) are still
 * read.
 */
@Component
public class SensitiveDataCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte[] SALT = "caring-mothers/data-secret/v2".getBytes(StandardCharsets.UTF_8);

	private final Suite suite;

	private final Keys current;

	private final List<Keys> all = new ArrayList<>();

	private final SecureRandom random = new SecureRandom();

	@Autowired
	public SensitiveDataCipher(DataSecrets secrets, @Value("${caringmothers.crypto.algorithm:A256GCM}") String suite) {
		this(suite, secrets.current(), secrets.previous());
	}

	/** A cipher with AES-256-GCM under one secret (for tests and tools). */
	public SensitiveDataCipher(String secret) {
		this(Suite.A256GCM.name(), secret, null);
	}

	public SensitiveDataCipher(String suite, String secret, String previousSecret) {
		this.suite = Suite.named(suite);
		this.current = new Keys(secret);
		this.all.add(this.current);
		if (previousSecret != null && !previousSecret.isBlank() && !previousSecret.equals(secret)) {
			this.all.add(new Keys(previousSecret));
		}
	}

	public String encrypt(ProtectedColumn column, String plain) {
		if (plain == null) {
			return null;
		}
		return encrypt(column, plain.getBytes(StandardCharsets.UTF_8));
	}

	public String encrypt(ProtectedColumn column, byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] sealed = this.suite.seal(this.current.encryption(this.suite), nonce, plain,
				column.associatedData().getBytes(StandardCharsets.UTF_8), true);
		byte[] out = new byte[nonce.length + sealed.length];
		System.arraycopy(nonce, 0, out, 0, nonce.length);
		System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
		return currentPrefix() + Base64.getEncoder().encodeToString(out);
	}

	public String decrypt(ProtectedColumn column, String stored) {
		if (stored == null) {
			return null;
		}
		return new String(decryptBytes(column, stored), StandardCharsets.UTF_8);
	}

	public byte[] decryptBytes(ProtectedColumn column, String stored) {
		int dollar = stored.indexOf('$');
		if (dollar < 0) {
			return decryptFirstFormat(stored);
		}
		String[] header = stored.substring(0, dollar).split("\\.", 2);
		if (header.length != 2) {
			throw new IllegalStateException("Cannot decrypt: unknown format");
		}
		Suite valueSuite = Suite.named(header[0]);
		Keys keys = this.all.stream()
			.filter((k) -> k.id(valueSuite).equals(header[1]))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Cannot decrypt: made with a secret that is not configured (key " + header[1] + ")"));
		byte[] bytes = Base64.getDecoder().decode(stored.substring(dollar + 1));
		byte[] nonce = new byte[NONCE_BYTES];
		System.arraycopy(bytes, 0, nonce, 0, NONCE_BYTES);
		byte[] sealed = new byte[bytes.length - NONCE_BYTES];
		System.arraycopy(bytes, NONCE_BYTES, sealed, 0, sealed.length);
		return valueSuite.seal(keys.encryption(valueSuite), nonce, sealed,
				column.associatedData().getBytes(StandardCharsets.UTF_8), false);
	}

	/** Whether a stored value is already under the current suite and secret. */
	public boolean isCurrent(String stored) {
		return stored == null || stored.startsWith(currentPrefix());
	}

	/** The start of every value this cipher writes now ({@code SUITE.KEYID$}). */
	public String currentPrefix() {
		return this.suite.name() + "." + this.current.id(this.suite) + "$";
	}

	/**
	 * The keyed hash of a value under the current secret, to find it by exact match
	 * without storing it in the clear.
	 */
	public String blindIndex(String plain) {
		if (plain == null) {
			return null;
		}
		HMac mac = new HMac(this.suite.digest.get());
		mac.init(new KeyParameter(this.current.index(this.suite)));
		byte[] input = plain.getBytes(StandardCharsets.UTF_8);
		mac.update(input, 0, input.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

	private byte[] decryptFirstFormat(String stored) {
		byte[] bytes = Base64.getDecoder().decode(stored);
		for (Keys keys : this.all) {
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.firstFormatKey(), "AES"),
						new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
				return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			}
			catch (GeneralSecurityException ex) {
				// try the next secret
			}
		}
		throw new IllegalStateException("Cannot decrypt: no configured secret opens this value");
	}

	/** The algorithms a ciphertext can name. */
	enum Suite {

		A256GCM(32, SHA256Digest::new, AESEngine::newInstance), SM4GCM(16, SM3Digest::new, SM4Engine::new);

		private final int keyBytes;

		private final Supplier<Digest> digest;

		private final Supplier<BlockCipher> engine;

		Suite(int keyBytes, Supplier<Digest> digest, Supplier<BlockCipher> engine) {
			this.keyBytes = keyBytes;
			this.digest = digest;
			this.engine = engine;
		}

		static Suite named(String name) {
			try {
				return valueOf(name.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Unknown encryption suite '" + name + "' (known: A256GCM, SM4GCM)");
			}
		}

		byte[] seal(byte[] key, byte[] nonce, byte[] input, byte[] aad, boolean encrypt) {
			GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(this.engine.get());
			gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
			byte[] out = new byte[gcm.getOutputSize(input.length)];
			int length = gcm.processBytes(input, 0, input.length, out, 0);
			try {
				length += gcm.doFinal(out, length);
			}
			catch (InvalidCipherTextException ex) {
				throw new IllegalStateException("Cannot decrypt: the value or its column does not match", ex);
			}
			if (length == out.length) {
				return out;
			}
			byte[] exact = new byte[length];
			System.arraycopy(out, 0, exact, 0, length);
			return exact;
		}

	}

	/** The keys one secret yields, per suite and purpose. */
	private static final class Keys {

		private final byte[] secret;

		private final String plainSecret;

		Keys(String secret) {
			this.plainSecret = secret;
			this.secret = secret.getBytes(StandardCharsets.UTF_8);
		}

		byte[] encryption(Suite suite) {
			return hkdf(suite, "encryption", suite.keyBytes);
		}

		byte[] index(Suite suite) {
			return hkdf(suite, "blind-index", 32);
		}

		String id(Suite suite) {
			return HexFormat.of().formatHex(hkdf(suite, "key-id", 4));
		}

		byte[] firstFormatKey() {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				digest.update("encryption".getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				return digest.digest(this.plainSecret.getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private byte[] hkdf(Suite suite, String purpose, int length) {
			HKDFBytesGenerator generator = new HKDFBytesGenerator(suite.digest.get());
			generator.init(new HKDFParameters(this.secret, SALT,
					(suite.name() + "/" + purpose).getBytes(StandardCharsets.UTF_8)));
			byte[] out = new byte[length];
			generator.generateBytes(out, 0, length);
			return out;
		}

	}

}
