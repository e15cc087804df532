package org.caringmothers.federation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A federation's own three-year-action target for one year. */
@Entity
@Table(name = "target")
@Getter(AccessLevel.PACKAGE)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Target {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private long federationId;

	@Column(nullable = false, updatable = false)
	private int year;

	private int pairings;

	private int mothers;

	private long setBy;

	private Instant setAt;

	@Version
	private long version;

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
