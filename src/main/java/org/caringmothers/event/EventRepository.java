package org.caringmothers.event;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface EventRepository extends JpaRepository<Event, Long>, JpaSpecificationExecutor<Event> {

	@EntityGraph(attributePaths = "federation")
	Optional<Event> findDetailedById(Long id);

}
