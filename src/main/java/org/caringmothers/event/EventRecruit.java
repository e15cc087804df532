package org.caringmothers.event;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.NoArgsConstructor;
import org.caringmothers.volunteer.Volunteer;

/** An applicant registered at a recruitment drive. */
@Entity
@Table(name = "event_recruit")
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class EventRecruit extends EventVolunteer {

	EventRecruit(long eventId, Volunteer volunteer, Long addedBy) {
		super(eventId, volunteer, addedBy);
	}

}
