package org.caringmothers.common.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest for identity numbers: AES-256-GCM with a random nonce per value, and
 * a keyed hash (HMAC-SHA-256) so that a record stays findable by its exact number. Both
 * keys derive from {@code caringmothers.crypto.secret} ({@code DATA_SECRET}); the
 * embedded development run uses a fixed development secret and says so in the log.
 */
@Component
public class SensitiveDataCipher {

	static final String DEVELOPMENT_SECRET = "caring-mothers-development-secret-not-for-production";

	private static final Logger log = LoggerFactory.getLogger(SensitiveDataCipher.class);

	private static final int NONCE_BYTES = 12;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec indexKey;

	private final SecureRandom random = new SecureRandom();

	public SensitiveDataCipher(@Value("${caringmothers.crypto.secret:}") String secret) {
		String effective = secret;
		if (effective == null || effective.isBlank()) {
			log.warn("DATA_SECRET is not set: identity numbers are encrypted with the development secret."
					+ " Set DATA_SECRET for any real deployment.");
			effective = DEVELOPMENT_SECRET;
		}
		this.encryptionKey = new SecretKeySpec(derive(effective, "encryption"), "AES");
		this.indexKey = new SecretKeySpec(derive(effective, "blind-index"), "HmacSHA256");
	}

	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt", ex);
		}
	}

	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt", ex);
		}
	}

	/**
	 * The keyed hash of a value, to find it by exact match without storing it in the
	 * clear.
	 */
	public String blindIndex(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.indexKey);
			return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot hash", ex);
		}
	}

	private static byte[] derive(String secret, String purpose) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(purpose.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
