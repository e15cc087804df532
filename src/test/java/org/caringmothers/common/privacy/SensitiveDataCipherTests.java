package org.caringmothers.common.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensitiveDataCipherTests {

	static final String SECRET = "Q3VyaW91cyBjYXQgc2VjcmV0IGZvciB0ZXN0cyBvbmx5IQ==";

	static final String NEW_SECRET = "bmV3IHNlY3JldCBmb3IgdGhlIHJvdGF0aW9uIHRlc3QgMTIz";

	private final SensitiveDataCipher cipher = new SensitiveDataCipher(SECRET);

	@Test
	void encryptsWithAFreshNonceAndDecryptsBack() {
		String first = this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "140123201503150021");
		String second = this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "140123201503150021");
		assertThat(first).isNotEqualTo(second).doesNotContain("140123");
		assertThat(this.cipher.decrypt(ProtectedColumn.CHILD_ID_NUMBER, first)).isEqualTo("140123201503150021");
	}

	@Test
	void eachValueNamesItsAlgorithmAndKey() {
		String sealed = this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "140123201503150021");
		assertThat(sealed).matches("A256GCM\\.[0-9a-f]{8}\\$[A-Za-z0-9+/=]+").startsWith(this.cipher.currentPrefix());
		assertThat(this.cipher.isCurrent(sealed)).isTrue();
		assertThat(new SensitiveDataCipher(NEW_SECRET).isCurrent(sealed)).isFalse();
	}

	@Test
	void aValueMovedToAnotherColumnDoesNotDecrypt() {
		String sealed = this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "140123201503150021");
		assertThatThrownBy(() -> this.cipher.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, sealed))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void theBlindIndexIsStableAndDependsOnTheSecret() {
		assertThat(this.cipher.blindIndex("140123201503150021")).isEqualTo(this.cipher.blindIndex("140123201503150021"))
			.isNotEqualTo(new SensitiveDataCipher(NEW_SECRET).blindIndex("140123201503150021"))
			.hasSize(64);
	}

	@Test
	void anotherSecretCannotDecrypt() {
		String sealed = this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "140123201503150021");
		assertThatThrownBy(() -> new SensitiveDataCipher(NEW_SECRET).decrypt(ProtectedColumn.CHILD_ID_NUMBER, sealed))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not configured");
	}

	@Test
	void thePreviousSecretStillOpensOldValuesWhileNewOnesUseTheNewSecret() {
		String old = this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "140123201503150021");
		SensitiveDataCipher rotating = new SensitiveDataCipher("A256GCM", NEW_SECRET, SECRET);
		assertThat(rotating.decrypt(ProtectedColumn.CHILD_ID_NUMBER, old)).isEqualTo("140123201503150021");
		assertThat(rotating.isCurrent(old)).isFalse();
		assertThat(rotating.isCurrent(rotating.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "x"))).isTrue();
	}

	@Test
	void valuesOfTheFirstFormatStayReadable() throws Exception {
		String first = firstFormat(SECRET, "140123201503150021");
		assertThat(this.cipher.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, first)).isEqualTo("140123201503150021");
		assertThat(this.cipher.isCurrent(first)).isFalse();
	}

	@Test
	void theSm4SuiteIsConfigurationNotAMigration() {
		SensitiveDataCipher sm4 = new SensitiveDataCipher("SM4GCM", SECRET, null);
		String sealed = sm4.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "140123201503150021");
		assertThat(sealed).startsWith("SM4GCM.");
		assertThat(sm4.decrypt(ProtectedColumn.CHILD_ID_NUMBER, sealed)).isEqualTo("140123201503150021");
		String aes = this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "140123201503150021");
		assertThat(sm4.decrypt(ProtectedColumn.CHILD_ID_NUMBER, aes)).isEqualTo("140123201503150021");
		assertThat(sm4.isCurrent(aes)).isFalse();
		assertThat(sm4.blindIndex("1")).hasSize(64).isNotEqualTo(this.cipher.blindIndex("1"));
	}

	/** How values were sealed before key versions: SHA-256 key, no associated data. */
	static String firstFormat(String secret, String plain) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update("encryption".getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		byte[] key = digest.digest(secret.getBytes(StandardCharsets.UTF_8));
		byte[] nonce = new byte[12];
		new SecureRandom().nextBytes(nonce);
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
		byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
	}

}
