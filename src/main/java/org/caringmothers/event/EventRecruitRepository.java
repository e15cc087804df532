package org.caringmothers.event;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EventRecruitRepository extends JpaRepository<EventRecruit, Long> {

	List<EventRecruit> findByEventIdOrderByAddedAtAscIdAsc(Long eventId);

	boolean existsByEventId(Long eventId);

}
