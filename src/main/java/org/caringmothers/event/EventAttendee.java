package org.caringmothers.event;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.NoArgsConstructor;
import org.caringmothers.volunteer.Volunteer;

/** A volunteer who attended an event. */
@Entity
@Table(name = "event_attendee")
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class EventAttendee extends EventVolunteer {

	EventAttendee(long eventId, Volunteer volunteer, Long addedBy) {
		super(eventId, volunteer, addedBy);
	}

}
