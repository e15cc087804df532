package org.caringmothers.visit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisitRepository extends JpaRepository<Visit, Long>, JpaSpecificationExecutor<Visit> {

	Optional<Visit> findByRecordedByAndClientToken(Long recordedBy, String clientToken);

	@EntityGraph(attributePaths = { "pairing", "pairing.child", "pairing.child.federation", "pairing.mother",
			"careTypes", "gifts" })
	Optional<Visit> findDetailedById(Long id);

	List<Visit> findTop10ByPairingIdOrderByVisitDateDescIdDesc(Long pairingId);

	/**
	 * Of one author's entries on these pairings recorded after the instant, the latest
	 * {@code shown} per pairing (newest first), each row with the pairing's total:
	 * {@code id, pairing_id, visit_date, mode, total}, in one statement whatever the
	 * number of entries.
	 */
	@Query(nativeQuery = true, value = """
			select x.id, x.pairing_id, x.visit_date, x.mode, x.total from (
			  select v.id, v.pairing_id, v.visit_date, v.mode,
			    row_number() over (partition by v.pairing_id order by v.visit_date desc, v.id desc) as n,
			    count(*) over (partition by v.pairing_id) as total
			  from visit v
			  where v.recorded_by = :author and v.pairing_id in (:pairingIds) and v.created_at > :since) x
			where x.n <= :shown
			order by x.pairing_id, x.visit_date desc, x.id desc""")
	List<Object[]> latestRecordedSince(@Param("author") long author, @Param("pairingIds") Collection<Long> pairingIds,
			@Param("since") java.time.Instant since, @Param("shown") int shown);

	/**
	 * One author's entries on these pairings recorded after the instant, newest first, a
	 * page at a time, with the pairing and child each line names.
	 */
	@Query(value = """
			select v from Visit v join fetch v.pairing p join fetch p.child
			where v.recordedBy = :author and p.id in :pairingIds and v.createdAt > :since
			order by v.visitDate desc, v.id desc""", countQuery = """
			select count(v) from Visit v
			where v.recordedBy = :author and v.pairing.id in :pairingIds and v.createdAt > :since""")
	Page<Visit> recordedSince(@Param("author") long author, @Param("pairingIds") Collection<Long> pairingIds,
			@Param("since") java.time.Instant since, Pageable pageable);

	@Override
	@EntityGraph(attributePaths = { "pairing", "pairing.child", "pairing.child.federation", "pairing.mother",
			"careTypes", "gifts" })
	Page<Visit> findAll(Specification<Visit> specification, Pageable pageable);

	@Query("select v.id from Visit v where v.pairing.id in :pairingIds")
	List<Long> idsOfPairings(@Param("pairingIds") Collection<Long> pairingIds);

	/**
	 * Clears the free text of these contacts (notes, review comment), keeping their date,
	 * mode, duration, care types and gifts.
	 */
	@org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
	@Query("""
			update Visit v set v.notes = null, v.reviewComment = null, v.version = v.version + 1
			where v.id in :ids and (v.notes is not null or v.reviewComment is not null)""")
	int clearTexts(@Param("ids") Collection<Long> ids);

}
