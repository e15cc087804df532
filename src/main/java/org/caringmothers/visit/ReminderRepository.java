package org.caringmothers.visit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ReminderRepository extends JpaRepository<Reminder, Long>, JpaSpecificationExecutor<Reminder> {

	@Override
	@EntityGraph(attributePaths = { "pairing", "pairing.federation" })
	Page<Reminder> findAll(Specification<Reminder> specification, Pageable pageable);

}
