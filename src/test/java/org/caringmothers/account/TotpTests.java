package org.caringmothers.account;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** RFC 6238 time-based one-time passwords, checked against the RFC's own vectors. */
class TotpTests {

	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void theSha1VectorsOfRfc6238AppendixB() {
		long[][] vectors = { { 59L, 94287082L }, { 1111111109L, 7081804L }, { 1111111111L, 14050471L },
				{ 1234567890L, 89005924L }, { 2000000000L, 69279037L }, { 20000000000L, 65353130L } };
		String[] expected = { "94287082", "07081804", "14050471", "89005924", "69279037", "65353130" };
		for (int i = 0; i < vectors.length; i++) {
			assertThat(Totp.code(RFC_SEED, Totp.step(vectors[i][0]), 8, "HmacSHA1")).as("T = %d", vectors[i][0])
				.isEqualTo(expected[i]);
		}
	}

	@Test
	void sixDigitsAreTheLastSixOfTheSameTruncation() {
		assertThat(Totp.code(RFC_SEED, Totp.step(59L))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SEED, Totp.step(1111111109L))).isEqualTo("081804");
	}

	@Test
	void aCodeMatchesItsStepAndOneEitherSideOnlyOnceEach() {
		long now = 1_700_000_000L;
		long step = Totp.step(now);
		String current = Totp.code(RFC_SEED, step);
		assertThat(Totp.matchingStep(RFC_SEED, current, now, null)).isEqualTo(step);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now, null)).isEqualTo(step - 1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1), now, null)).isEqualTo(step + 1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2), now, null)).as("too old").isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SEED, current, now, step)).as("replayed").isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now, step - 1)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SEED, "12345", now, null)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SEED, "abcdef", now, null)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SEED, null, now, null)).isEqualTo(-1);
	}

	@Test
	void base32OfRfc4648() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.base32(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SEED);
		byte[] secret = Totp.newSecret();
		assertThat(Totp.fromBase32(Totp.grouped(secret))).isEqualTo(secret);
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.fromBase32("NOT-BASE32!"));
	}

	@Test
	void theAddressForAuthenticatorApps() {
		assertThat(Totp.uri("爱心妈妈", "loufan.staff", RFC_SEED))
			.isEqualTo("otpauth://totp/%E7%88%B1%E5%BF%83%E5%A6%88%E5%A6%88:loufan.staff"
					+ "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E7%88%B1%E5%BF%83%E5%A6%88%E5%A6%88"
					+ "&algorithm=SHA1&digits=6&period=30");
	}

}
