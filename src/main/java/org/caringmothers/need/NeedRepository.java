package org.caringmothers.need;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NeedRepository extends JpaRepository<Need, Long>, JpaSpecificationExecutor<Need>, PastDueNeeds {

	@EntityGraph(attributePaths = { "child", "child.federation", "steps" })
	Optional<Need> findDetailedById(Long id);

	@Override
	@EntityGraph(attributePaths = { "child", "child.federation" })
	Page<Need> findAll(Specification<Need> specification, Pageable pageable);

	@Override
	@EntityGraph(attributePaths = { "child", "child.federation" })
	List<Need> findAll(Specification<Need> specification, Sort sort);

	@EntityGraph(attributePaths = { "child", "child.federation" })
	List<Need> findByChildIdOrderByRaisedAtDesc(Long childId);

	/**
	 * Replaces the free text of a child's needs with a dash (the description is required;
	 * a recorded report action stays recorded), keeping category, urgency, status and
	 * dates.
	 */
	@org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
	@Query("""
			update Need n set n.description = '-',
			  n.reportAction = case when n.reportAction is null then null else '-' end, n.version = n.version + 1
			where n.child.id = :childId""")
	int clearTextsOfChild(@Param("childId") long childId);

	/** Clears the notes of the follow-up steps of a child's needs. */
	@org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
	@Query(value = """
			update need_step set note = null
			where note is not null and need_id in (select id from need where child_id = :childId)""",
			nativeQuery = true)
	int clearStepNotesOfChild(@Param("childId") long childId);

}
