package org.caringmothers.event;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A volunteer who attended an event. */
@Entity
@Table(name = "event_attendee")
class EventAttendee extends EventVolunteer {

}
