package org.caringmothers.volunteer;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.persistence.BaseEntity;

/** One step in a volunteer's lifecycle: who took it, when, and why. */
@Entity
@Table(name = "volunteer_status_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class StatusChange extends BaseEntity {

	private Long volunteerId;

	@Enumerated(EnumType.STRING)
	private VolunteerStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private VolunteerStatus toStatus;

	private Long changedBy;

	private String changedByName;

	private Instant changedAt;

	private String note;

	/** The role she took in this step (a reserve becoming a caring mother), if any. */
	@Enumerated(EnumType.STRING)
	private VolunteerRole toRole;

	StatusChange(long volunteerId, VolunteerStatus fromStatus, VolunteerStatus toStatus, Long changedBy,
			String changedByName, Instant changedAt, String note) {
		this.volunteerId = volunteerId;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.changedBy = changedBy;
		this.changedByName = changedByName;
		this.changedAt = changedAt;
		this.note = note;
	}

	/** A reserve who becomes a caring mother, in whatever status she reached. */
	static StatusChange becameMother(long volunteerId, VolunteerStatus from, Long changedBy, String changedByName,
			Instant changedAt, String note) {
		StatusChange change = new StatusChange(volunteerId, from, VolunteerStatus.ACTIVE, changedBy, changedByName,
				changedAt, note);
		change.toRole = VolunteerRole.MOTHER;
		return change;
	}

}
