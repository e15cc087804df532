package org.caringmothers.federation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.persistence.VersionedEntity;

/** A federation's own three-year-action target for one year. */
@Entity
@Table(name = "target")
@Getter(AccessLevel.PACKAGE)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Target extends VersionedEntity {

	@Column(nullable = false, updatable = false)
	private long federationId;

	@Column(nullable = false, updatable = false)
	private int year;

	private int pairings;

	private int mothers;

	private long setBy;

	private Instant setAt;

	Target(long federationId, int year) {
		this.federationId = federationId;
		this.year = year;
	}

	void set(int pairings, int mothers, long setBy, Instant setAt) {
		this.pairings = pairings;
		this.mothers = mothers;
		this.setBy = setBy;
		this.setAt = setAt;
	}

}
