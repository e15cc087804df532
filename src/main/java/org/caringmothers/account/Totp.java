package org.caringmothers.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226) as every authenticator
 * app makes them: HMAC-SHA1, 30-second steps, 6 digits; secrets shown in Base32 (RFC
 * 4648) and as an {@code otpauth://} address for the QR code.
 */
public final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	private static final int SECRET_BYTES = 20;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** The time step of an instant given in seconds since the epoch. */
	public static long step(long epochSeconds) {
		return Math.floorDiv(epochSeconds, STEP_SECONDS);
	}

	/** The code of one time step (RFC 4226 section 5.3, dynamic truncation). */
	public static String code(byte[] secret, long step, int digits, String algorithm) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret, "RAW"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format(Locale.ROOT, "%0" + digits + "d", binary % POWERS[digits]);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

	public static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS, "HmacSHA1");
	}

	/**
	 * The time step whose code this is, among the current one and one either side (a
	 * phone's clock a little off), and later than the last step already used; -1 when
	 * none matches. Compared in constant time.
	 */
	public static long matchingStep(byte[] secret, String code, long epochSeconds, Long lastUsedStep) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return -1;
		}
		long now = step(epochSeconds);
		long found = -1;
		for (long candidate = now - 1; candidate <= now + 1; candidate++) {
			boolean fresh = lastUsedStep == null || candidate > lastUsedStep;
			if (java.security.MessageDigest.isEqual(
					code(secret, candidate).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
					code.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) && fresh && found < 0) {
				found = candidate;
			}
		}
		return found;
	}

	public static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	public static byte[] fromBase32(String text) {
		String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

	/** The address an authenticator app reads from the QR code. */
	static String uri(String issuer, String username, byte[] secret) {
		String label = encode(issuer) + ":" + encode(username);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The secret shown as text, in groups of four for reading it into an app. */
	static String grouped(byte[] secret) {
		return base32(secret).replaceAll("(.{4})(?=.)", "$1 ");
	}

}
