package org.caringmothers.event;

import java.util.List;
import java.util.Set;

import org.caringmothers.volunteer.Volunteer;

/**
 * Everything an event's page shows: the event, the volunteers who attended, the
 * applicants registered there, and the volunteers found by the attendance search.
 */
public record EventDetails(Event event, List<EventAttendee> attendees, List<EventRecruit> recruits,
		List<Volunteer> candidates) {

	/** The ids of the attending volunteers, to mark them among the search results. */
	public Set<Long> attendeeIds() {
		return this.attendees.stream()
			.map(attendee -> attendee.getVolunteer().getId())
			.collect(java.util.stream.Collectors.toSet());
	}

}
