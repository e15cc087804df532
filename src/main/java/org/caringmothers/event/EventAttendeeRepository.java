package org.caringmothers.event;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EventAttendeeRepository extends JpaRepository<EventAttendee, Long> {

	List<EventAttendee> findByEventId(Long eventId);

	Optional<EventAttendee> findByEventIdAndVolunteerId(Long eventId, Long volunteerId);

	long countByEventId(Long eventId);

}
