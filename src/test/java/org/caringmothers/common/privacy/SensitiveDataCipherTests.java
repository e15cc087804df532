package org.caringmothers.common.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensitiveDataCipherTests {

	private final SensitiveDataCipher cipher = new SensitiveDataCipher("test-secret");

	@Test
	void encryptsWithAFreshNonceAndDecryptsBack() {
		String first = this.cipher.encrypt("140123201503150021");
		String second = this.cipher.encrypt("140123201503150021");
		assertThat(first).isNotEqualTo(second).doesNotContain("140123");
		assertThat(this.cipher.decrypt(first)).isEqualTo("140123201503150021");
	}

	@Test
	void theBlindIndexIsStableAndDependsOnTheSecret() {
		assertThat(this.cipher.blindIndex("140123201503150021")).isEqualTo(this.cipher.blindIndex("140123201503150021"))
			.isNotEqualTo(new SensitiveDataCipher("other-secret").blindIndex("140123201503150021"))
			.hasSize(64);
	}

	@Test
	void anotherSecretCannotDecrypt() {
		String sealed = this.cipher.encrypt("140123201503150021");
		assertThatThrownBy(() -> new SensitiveDataCipher("other-secret").decrypt(sealed))
			.isInstanceOf(IllegalStateException.class);
	}

}
