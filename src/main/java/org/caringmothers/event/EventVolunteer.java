package org.caringmothers.event;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import org.caringmothers.common.persistence.BaseEntity;

/**
 * A volunteer listed on an event, by whom and when: an attendee of any event or an
 * applicant registered at a recruitment drive. The volunteer is named by id (her record
 * belongs to the volunteer module, which gives her name and federation for a page).
 */
@MappedSuperclass
@Getter
abstract class EventVolunteer extends BaseEntity {

	private Long eventId;

	@Column(updatable = false)
	private Long volunteerId;

	private Long addedBy;

	@Column(insertable = false, updatable = false)
	private Instant addedAt;

	/** Lists the volunteer on the event; returns this, to be saved. */
	<T extends EventVolunteer> T list(long eventId, long volunteerId, Long addedBy) {
		this.eventId = eventId;
		this.volunteerId = volunteerId;
		this.addedBy = addedBy;
		@SuppressWarnings("unchecked")
		T self = (T) this;
		return self;
	}

}
