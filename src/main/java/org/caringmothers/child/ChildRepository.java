package org.caringmothers.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.caringmothers.common.persistence.PersonRepository;
import org.caringmothers.federation.Federation;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChildRepository extends PersonRepository<Child> {

	/** A child with everything its page shows. */
	@EntityGraph(attributePaths = { "federation", "guardians", "categories" })
	Optional<Child> findDetailedById(Long id);

	/** The federation holding the record with this keyed hash, anywhere. */
	@Query("select p.federation from #{#entityName} p where p.idNumberIndex = :index")
	Optional<Federation> federationHoldingIdNumber(@Param("index") String index);

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

	/**
	 * Children not yet anonymised that left the programme before the instant, or whose
	 * guardian withdrew consent on or before the day.
	 */
	@Query(value = """
			select id from child where anonymised_at is null and (
			  (status <> 'ACTIVE' and coalesce(status_changed_at, created_at) < :leftBefore)
			  or consent_withdrawn_on <= :withdrawnOnOrBefore)
			order by id""", nativeQuery = true)
	List<Long> dueForAnonymisation(@Param("leftBefore") Instant leftBefore,
			@Param("withdrawnOnOrBefore") LocalDate withdrawnOnOrBefore);

}
