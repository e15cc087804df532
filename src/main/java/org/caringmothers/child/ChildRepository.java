package org.caringmothers.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.caringmothers.federation.Federation;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChildRepository extends JpaRepository<Child, Long>, JpaSpecificationExecutor<Child> {

	/** A child with everything its page shows. */
	@EntityGraph(attributePaths = { "federation", "guardians", "categories" })
	Optional<Child> findDetailedById(Long id);

	@Query("select c.federation from Child c where c.idNumberIndex = :index")
	Optional<Federation> federationHoldingIdNumber(@Param("index") String index);

	@Query("select c.id from Child c where c.idNumberIndex = :index")
	Optional<Long> findIdByIdNumberIndex(@Param("index") String index);

	/** Active children born on or before the date, locked until the transaction ends. */
	@Query(value = "select id from child where birth_date <= :bornOnOrBefore and status = 'ACTIVE' order by id for update",
			nativeQuery = true)
	List<Long> activeBornOnOrBefore(@Param("bornOnOrBefore") LocalDate bornOnOrBefore);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Child c set c.status = org.caringmothers.child.ChildStatus.AGED_OUT, c.statusChangedAt = :now,
			  c.version = c.version + 1
			where c.id in :ids and c.status = org.caringmothers.child.ChildStatus.ACTIVE""")
	int ageOut(@Param("ids") java.util.Collection<Long> ids, @Param("now") Instant now);

	@Query("select c.status, count(c) from Child c where c.federation.path like :pathPattern group by c.status")
	List<Object[]> countByStatus(@Param("pathPattern") String pathPattern);

}
