package org.caringmothers.event;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import org.caringmothers.common.persistence.BaseEntity;
import org.caringmothers.volunteer.Volunteer;

/**
 * A volunteer listed on an event, by whom and when: an attendee of any event or an
 * applicant registered at a recruitment drive.
 */
@MappedSuperclass
@Getter
abstract class EventVolunteer extends BaseEntity {

	private Long eventId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "volunteer_id", updatable = false)
	private Volunteer volunteer;

	private Long addedBy;

	@Column(insertable = false, updatable = false)
	private Instant addedAt;

	/** Lists the volunteer on the event; returns this, to be saved. */
	<T extends EventVolunteer> T list(long eventId, Volunteer volunteer, Long addedBy) {
		this.eventId = eventId;
		this.volunteer = volunteer;
		this.addedBy = addedBy;
		@SuppressWarnings("unchecked")
		T self = (T) this;
		return self;
	}

}
