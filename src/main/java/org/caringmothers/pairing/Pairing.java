package org.caringmothers.pairing;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.federation.ChildRecord;
import org.caringmothers.federation.Federation;

/**
 * 结对: one caring mother and one child, from a start date until it ends with a reason. The
 * mother and child are named by id (their modules own them); the pairing keeps its own
 * federation, the child's, which decides who sees it and moves with her
 * ({@link PairingService#onChildFederationChanged}).
 */
@Entity
@Table(name = "pairing")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Pairing extends ChildRecord {

	@Column(name = "volunteer_id", updatable = false)
	private Long motherId;

	@Column(updatable = false)
	private Long childId;

	@Column(updatable = false)
	private LocalDate startDate;

	private LocalDate endDate;

	@Enumerated(EnumType.STRING)
	private PairingEndReason endReason;

	private String endNote;

	@Column(updatable = false)
	private Long createdBy;

	private Long endedBy;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	/** The pairing this one continues when a reserve took over the child (接替). */
	@Column(updatable = false)
	private Long handedOverFrom;

	Pairing(long motherId, long childId, Federation federation, LocalDate startDate, Long createdBy) {
		super(federation);
		this.motherId = motherId;
		this.childId = childId;
		this.startDate = startDate;
		this.createdBy = createdBy;
	}

	Pairing(long motherId, long childId, Federation federation, LocalDate startDate, Long createdBy, Pairing previous) {
		this(motherId, childId, federation, startDate, createdBy);
		this.handedOverFrom = previous == null ? null : previous.getId();
	}

	public boolean isActive() {
		return this.endDate == null;
	}

	void end(LocalDate endDate, PairingEndReason reason, String note, Long endedBy) {
		this.endDate = endDate;
		this.endReason = reason;
		this.endNote = note;
		this.endedBy = endedBy;
	}

}
