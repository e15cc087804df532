package org.caringmothers.federation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTests {

	private final Scope county = new Scope(12, "/1/3/12/");

	@Test
	void coversItselfAndEverythingBelow() {
		assertThat(this.county.covers("/1/3/12/")).isTrue();
		assertThat(this.county.covers("/1/3/12/140/")).isTrue();
		assertThat(this.county.covers("/1/3/12/140/2001/")).isTrue();
	}

	@Test
	void doesNotCoverItsParentSiblingsOrIdsThatMerelyStartTheSame() {
		assertThat(this.county.covers("/1/3/")).isFalse();
		assertThat(this.county.covers("/1/3/13/")).isFalse();
		assertThat(this.county.covers("/1/3/120/")).isFalse();
		assertThat(this.county.covers("/1/3/1/")).isFalse();
		assertThat(this.county.covers((String) null)).isFalse();
	}

	@Test
	void pathPatternMatchesTheSubtreeInSql() {
		assertThat(this.county.pathPattern()).isEqualTo("/1/3/12/%");
	}

}
