package org.caringmothers.event;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EventRecruitRepository extends JpaRepository<EventRecruit, Long> {

	@Query("""
			select r from EventRecruit r join fetch r.volunteer v join fetch v.federation
			where r.eventId = :eventId order by r.addedAt, r.id""")
	List<EventRecruit> findByEvent(@Param("eventId") long eventId);

}
