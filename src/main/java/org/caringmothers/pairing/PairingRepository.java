package org.caringmothers.pairing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PairingRepository extends JpaRepository<Pairing, Long>, JpaSpecificationExecutor<Pairing> {

	/** The pairing with its own federation (for the scope check). */
	@EntityGraph(attributePaths = { "federation" })
	Optional<Pairing> findDetailedById(Long id);

	List<Pairing> findByChildIdOrderByStartDateDescIdDesc(Long childId);

	List<Pairing> findByMotherIdOrderByStartDateDescIdDesc(Long motherId);

	List<Pairing> findByMotherIdAndEndDateIsNullOrderByStartDate(Long motherId);

	Optional<Pairing> findByChildIdAndEndDateIsNull(Long childId);

	long countByMotherIdAndEndDateIsNull(Long motherId);

	@Query("""
			select p.motherId, count(p) from Pairing p
			where p.endDate is null and p.motherId in :motherIds group by p.motherId""")
	List<Object[]> countActiveByMother(@Param("motherIds") Collection<Long> motherIds);

	@Query("select p.childId from Pairing p where p.endDate is null and p.childId in :childIds")
	List<Long> activeChildIdsAmong(@Param("childIds") Collection<Long> childIds);

	/** The pairings that the specification selects, with their federation. */
	@Override
	@EntityGraph(attributePaths = { "federation" })
	List<Pairing> findAll(Specification<Pairing> specification);

	@EntityGraph(attributePaths = { "federation" })
	List<Pairing> findDetailedByIdIn(Collection<Long> ids);

	@Query("select p.id from Pairing p where p.motherId = :motherId")
	List<Long> idsOfMother(@Param("motherId") long motherId);

	@Query("select p.id from Pairing p where p.childId = :childId")
	List<Long> idsOfChild(@Param("childId") long childId);

	/**
	 * Moves all a child's pairings, ended ones too, to her new federation; their figures
	 * move with them (the summary triggers). Leaves the persistence context alone: the
	 * federation is not updatable through the entity, so a pairing loaded before cannot
	 * write the old one back.
	 */
	@Modifying
	@Query(value = "update pairing set federation_id = :to where child_id = :childId and federation_id <> :to",
			nativeQuery = true)
	int moveChild(@Param("childId") long childId, @Param("to") long toFederationId);

	/**
	 * Clears the free-text end notes of a child's pairings (her record is anonymised).
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = "update pairing set end_note = null where child_id = :childId and end_note is not null",
			nativeQuery = true)
	int clearEndNotes(@Param("childId") long childId);

	/** The pairings that continue these ones after a handover. */
	List<Pairing> findByHandedOverFromIn(Collection<Long> ids);

	/** These pairings. */
	List<Pairing> findByIdIn(Collection<Long> ids);

	/** The end of each child's last ended pairing, as [childId, endDate] rows. */
	@Query("select p.childId, max(p.endDate) from Pairing p "
			+ "where p.childId in :ids and p.endDate is not null group by p.childId")
	List<Object[]> lastEndDates(@Param("ids") Collection<Long> ids);

}
