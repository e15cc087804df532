package org.caringmothers.federation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import org.caringmothers.common.persistence.VersionedEntity;

/**
 * A record that belongs to one federation (a child, a volunteer, an event, an account):
 * its federation decides who sees it ({@link Scope#where}, {@link Scope#require}); who
 * created it and when stay with it.
 */
@MappedSuperclass
@Getter
public abstract class FederationRecord extends VersionedEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "federation_id")
	private Federation federation;

	private Long createdBy;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	protected FederationRecord() {
	}

	protected FederationRecord(Long createdBy) {
		this.createdBy = createdBy;
	}

	/**
	 * Moves the record to the federation (checked against the user's scope by the
	 * service).
	 */
	protected final void placeIn(Federation federation) {
		this.federation = federation;
	}

}
