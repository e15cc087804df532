package org.caringmothers.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.federation.ChildRecord;
import org.caringmothers.federation.Federation;
import org.hibernate.annotations.BatchSize;

/** One contact of a caring mother with her paired child. */
@Entity
@Table(name = "visit")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Visit extends ChildRecord {

	/** How long after recording the mother may still correct her entry. */
	public static final int EDITABLE_DAYS = 7;

	@Column(updatable = false)
	private Long pairingId;

	private LocalDate visitDate;

	@Enumerated(EnumType.STRING)
	private ContactMode mode;

	private int durationMinutes;

	@Enumerated(EnumType.STRING)
	private ChildMood childMood;

	private String notes;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "visit_care", joinColumns = @JoinColumn(name = "visit_id"))
	@Column(name = "care_type")
	@Enumerated(EnumType.STRING)
	private Set<CareType> careTypes = EnumSet.noneOf(CareType.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "visit_gift", joinColumns = @JoinColumn(name = "visit_id"))
	@OrderColumn(name = "position")
	private List<Gift> gifts = new ArrayList<>();

	@Column(updatable = false)
	private Long recordedBy;

	@Column(updatable = false)
	private String clientToken;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	private Instant updatedAt;

	private Instant reviewedAt;

	private Long reviewedBy;

	private boolean flagged;

	private String reviewComment;

	Visit(long pairingId, Federation federation, Long recordedBy, String clientToken) {
		super(federation);
		this.pairingId = pairingId;
		this.recordedBy = recordedBy;
		this.clientToken = clientToken;
	}

	void fill(VisitParameters record) {
		this.visitDate = record.visitDate();
		this.mode = record.mode();
		this.durationMinutes = record.durationMinutes();
		this.childMood = record.childMood();
		this.notes = record.notes();
		this.careTypes.clear();
		this.careTypes.addAll(record.careTypes());
		this.gifts.clear();
		for (VisitParameters.GiftParameters gift : record.gifts()) {
			this.gifts.add(new Gift(gift.item(), gift.value()));
		}
	}

	void edited(Instant at) {
		this.updatedAt = at;
	}

	void review(Long reviewer, boolean flag, String comment, Instant at) {
		this.reviewedBy = reviewer;
		this.flagged = flag;
		this.reviewComment = comment;
		this.reviewedAt = at;
	}

	/**
	 * Whether its author may still change it: within {@value #EDITABLE_DAYS} days of
	 * recording.
	 */
	public boolean editableAt(Instant now) {
		return this.createdAt != null && now.isBefore(this.createdAt.plus(java.time.Duration.ofDays(EDITABLE_DAYS)));
	}

}
