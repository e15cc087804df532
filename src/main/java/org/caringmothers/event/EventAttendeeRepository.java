package org.caringmothers.event;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EventAttendeeRepository extends JpaRepository<EventAttendee, Long> {

	@Query("""
			select a from EventAttendee a join fetch a.volunteer v join fetch v.federation
			where a.eventId = :eventId order by v.name, v.id""")
	List<EventAttendee> findByEvent(@Param("eventId") long eventId);

	@Query("select a from EventAttendee a where a.eventId = :eventId and a.volunteer.id = :volunteerId")
	Optional<EventAttendee> find(@Param("eventId") long eventId, @Param("volunteerId") long volunteerId);

	long countByEventId(Long eventId);

}
