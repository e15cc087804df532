package org.caringmothers.event;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.caringmothers.volunteer.Volunteer;

/**
 * Everything an event's page shows: the event, the volunteers who attended (by name), the
 * applicants registered there (in the order they were registered), and the volunteers
 * found by the attendance search; the volunteers come with their federation.
 */
public record EventDetails(Event event, List<Volunteer> attendees, List<Volunteer> recruits,
		List<Volunteer> candidates) {

	/** The ids of the attending volunteers, to mark them among the search results. */
	public Set<Long> attendeeIds() {
		return this.attendees.stream().map(Volunteer::getId).collect(Collectors.toSet());
	}

}
