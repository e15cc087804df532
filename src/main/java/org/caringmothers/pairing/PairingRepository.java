package org.caringmothers.pairing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PairingRepository extends JpaRepository<Pairing, Long>, JpaSpecificationExecutor<Pairing> {

	@EntityGraph(attributePaths = { "mother", "mother.federation", "child", "child.federation" })
	Optional<Pairing> findDetailedById(Long id);

	/**
	 * The pairing with its mother, child, village and guardians (and the child's
	 * categories and the mother's skills, mapped eager) in one statement. A query rather
	 * than an entity graph: Hibernate caches the translation of a query, while an entity
	 * graph is translated again on every call, which cost a third of a contact
	 * submission's CPU time.
	 */
	@Query("""
			select p from Pairing p join fetch p.mother m left join fetch m.skills join fetch p.child c
			join fetch c.federation left join fetch c.guardians left join fetch c.categories where p.id = :id""")
	Optional<Pairing> findWithGuardiansById(@Param("id") Long id);

	@EntityGraph(attributePaths = { "mother", "mother.federation" })
	List<Pairing> findByChildIdOrderByStartDateDescIdDesc(Long childId);

	@EntityGraph(attributePaths = { "child", "child.federation" })
	List<Pairing> findByMotherIdOrderByStartDateDescIdDesc(Long motherId);

	@EntityGraph(attributePaths = { "child", "child.federation", "child.guardians" })
	List<Pairing> findByMotherIdAndEndDateIsNullOrderByStartDate(Long motherId);

	Optional<Pairing> findByChildIdAndEndDateIsNull(Long childId);

	long countByMotherIdAndEndDateIsNull(Long motherId);

	@Query("""
			select p.mother.id, count(p) from Pairing p
			where p.endDate is null and p.mother.id in :motherIds group by p.mother.id""")
	List<Object[]> countActiveByMother(@Param("motherIds") Collection<Long> motherIds);

	@Query("select p.child.id from Pairing p where p.endDate is null and p.child.id in :childIds")
	List<Long> activeChildIdsAmong(@Param("childIds") Collection<Long> childIds);

	/** Active pairings (with child and federation) that the specification selects. */
	@Override
	@EntityGraph(attributePaths = { "child", "child.federation", "mother" })
	List<Pairing> findAll(Specification<Pairing> specification);

	@EntityGraph(attributePaths = { "child", "child.federation", "mother" })
	List<Pairing> findDetailedByIdIn(java.util.Collection<Long> ids);

	@Query("select p.id from Pairing p where p.child.id = :childId")
	List<Long> idsOfChild(@Param("childId") long childId);

	/**
	 * Clears the free-text end notes of a child's pairings (her record is anonymised).
	 */
	@org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
	@Query(value = "update pairing set end_note = null where child_id = :childId and end_note is not null",
			nativeQuery = true)
	int clearEndNotes(@Param("childId") long childId);

	/** The pairings that continue these ones after a handover, with their mothers. */
	@org.springframework.data.jpa.repository.EntityGraph(attributePaths = { "mother" })
	List<Pairing> findByHandedOverFromIn(java.util.Collection<Long> ids);

	/** These pairings, with their mothers. */
	@org.springframework.data.jpa.repository.EntityGraph(attributePaths = { "mother" })
	List<Pairing> findByIdIn(java.util.Collection<Long> ids);

	/** The end of each child's last ended pairing, as [childId, endDate] rows. */
	@org.springframework.data.jpa.repository.Query("select p.child.id, max(p.endDate) from Pairing p "
			+ "where p.child.id in :ids and p.endDate is not null group by p.child.id")
	List<Object[]> lastEndDates(@org.springframework.data.repository.query.Param("ids") java.util.Collection<Long> ids);

}
