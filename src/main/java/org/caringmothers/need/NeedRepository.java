package org.caringmothers.need;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NeedRepository extends JpaRepository<Need, Long> {

	@EntityGraph(attributePaths = { "child", "child.federation", "steps" })
	Optional<Need> findDetailedById(Long id);

	@EntityGraph(attributePaths = { "child", "child.federation" })
	@Query("""
			select n from Need n where n.child.federation.path like :pathPattern
			  and (:status is null or n.status = :status)
			  and (:category is null or n.category = :category)
			  and (:openOnly = false or n.status in (org.caringmothers.need.NeedStatus.OPEN,
			       org.caringmothers.need.NeedStatus.IN_PROGRESS))
			order by n.mandatoryReport desc, n.raisedAt asc""")
	Page<Need> search(@Param("pathPattern") String pathPattern, @Param("status") NeedStatus status,
			@Param("category") NeedCategory category, @Param("openOnly") boolean openOnly, Pageable pageable);

	/**
	 * Safety concerns still waiting for their action, in the county of the given path
	 * pattern and below, oldest first.
	 */
	@EntityGraph(attributePaths = { "child", "child.federation" })
	@Query("""
			select n from Need n where n.mandatoryReport = true and n.reportAction is null
			  and n.child.federation.path like :pathPattern order by n.raisedAt""")
	List<Need> pendingReports(@Param("pathPattern") String pathPattern);

	@EntityGraph(attributePaths = { "child", "child.federation" })
	List<Need> findByChildIdOrderByRaisedAtDesc(Long childId);

}
