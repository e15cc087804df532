package org.caringmothers.need;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NeedRepository extends JpaRepository<Need, Long>, JpaSpecificationExecutor<Need>, NeedDigestQuery {

	@EntityGraph(attributePaths = { "federation", "steps" })
	Optional<Need> findDetailedById(Long id);

	/**
	 * Moves a child's needs to the federation she moved to (their figures follow through
	 * the summary triggers).
	 */
	@Modifying(flushAutomatically = true)
	@Query("""
			update Need n set n.federation.id = :federationId, n.version = n.version + 1
			where n.childId = :childId and n.federation.id <> :federationId""")
	int moveNeedsOfChild(@Param("childId") long childId, @Param("federationId") long federationId);

	/**
	 * Replaces the free text of a child's needs with a dash (the description is required;
	 * a recorded report action stays recorded), keeping category, urgency, status and
	 * dates.
	 */
	@Modifying(flushAutomatically = true)
	@Query("""
			update Need n set n.description = '-',
			  n.reportAction = case when n.reportAction is null then null else '-' end, n.version = n.version + 1
			where n.childId = :childId""")
	int clearTextsOfChild(@Param("childId") long childId);

	/** Clears the notes of the follow-up steps of a child's needs. */
	@Modifying(flushAutomatically = true)
	@Query(value = """
			update need_step set note = null
			where note is not null and need_id in (select id from need where child_id = :childId)""",
			nativeQuery = true)
	int clearStepNotesOfChild(@Param("childId") long childId);

}
