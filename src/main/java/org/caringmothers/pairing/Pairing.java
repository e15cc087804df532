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
import org.caringmothers.common.persistence.VersionedEntity;
import org.caringmothers.child.Child;
import org.caringmothers.volunteer.Volunteer;

/** 结对: one caring mother and one child, from a start date until it ends with a reason. */
@Entity
@Table(name = "pairing")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Pairing extends VersionedEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "volunteer_id", updatable = false)
	private Volunteer mother;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "child_id", updatable = false)
	private Child child;

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

	Pairing(Volunteer mother, Child child, LocalDate startDate, Long createdBy) {
		this.mother = mother;
		this.child = child;
		this.startDate = startDate;
		this.createdBy = createdBy;
	}

	Pairing(Volunteer mother, Child child, LocalDate startDate, Long createdBy, Pairing previous) {
		this(mother, child, startDate, createdBy);
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
