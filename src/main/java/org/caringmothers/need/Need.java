package org.caringmothers.need;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.federation.ChildRecord;
import org.caringmothers.federation.Federation;

/**
 * A child's need and its follow-up. It names its child by id (her record belongs to the
 * child module) and keeps its own federation, the child's: the one that decides who sees
 * the need and where its figures count, moved with her when she moves
 * ({@link NeedService#onChildFederationChanged}).
 */
@Entity
@Table(name = "need")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Need extends ChildRecord {

	@Column(updatable = false)
	private Long childId;

	@Column(updatable = false)
	private Long visitId;

	@Enumerated(EnumType.STRING)
	private NeedCategory category;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	private String description;

	@Enumerated(EnumType.STRING)
	private NeedStatus status = NeedStatus.OPEN;

	@Enumerated(EnumType.STRING)
	private Department referredTo;

	private boolean mandatoryReport;

	private String reportAction;

	private Long reportRecordedBy;

	private Instant reportRecordedAt;

	@Column(updatable = false)
	private Long raisedBy;

	@Column(insertable = false, updatable = false)
	private Instant raisedAt;

	private Instant closedAt;

	@OneToMany(mappedBy = "need", cascade = CascadeType.ALL)
	@OrderBy("at")
	private List<NeedStep> steps = new ArrayList<>();

	Need(long childId, Federation federation, Long visitId, NeedCategory category, Urgency urgency, String description,
			boolean mandatoryReport, Long raisedBy) {
		super(federation);
		this.childId = childId;
		this.visitId = visitId;
		this.category = category;
		this.urgency = urgency;
		this.description = description;
		this.mandatoryReport = mandatoryReport;
		this.raisedBy = raisedBy;
	}

	public boolean isOpen() {
		return this.status == NeedStatus.OPEN || this.status == NeedStatus.IN_PROGRESS;
	}

	/** Whether a safety concern still waits for the action taken to be recorded. */
	public boolean isReportPending() {
		return this.mandatoryReport && this.reportAction == null;
	}

	/** Days since it was raised (until it was closed). */
	public long ageInDays(Instant now) {
		Instant end = this.closedAt != null ? this.closedAt : now;
		return this.raisedAt == null ? 0 : ChronoUnit.DAYS.between(this.raisedAt, end);
	}

	/**
	 * Days beyond what its urgency allows ({@link Urgency#daysToClose()}); 0 or less
	 * while it is not past due.
	 */
	public long daysPastDue(Instant now) {
		return ageInDays(now) - this.urgency.daysToClose();
	}

	void move(NeedStatus to, Department department, Instant at) {
		this.status = to;
		this.referredTo = to == NeedStatus.REFERRED ? department : null;
		this.closedAt = (to == NeedStatus.RESOLVED || to == NeedStatus.REFERRED) ? at : null;
	}

	void addStep(NeedStep step) {
		this.steps.add(step);
	}

	void recordReportAction(String action, Long by, Instant at) {
		this.reportAction = action;
		this.reportRecordedBy = by;
		this.reportRecordedAt = at;
	}

}
