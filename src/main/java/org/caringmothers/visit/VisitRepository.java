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

	@EntityGraph(attributePaths = { "federation", "careTypes", "gifts" })
	Optional<Visit> findDetailedById(Long id);

	List<Visit> findTop10ByPairingIdOrderByVisitDateDescIdDesc(Long pairingId);

	/**
	 * Of one author's entries on these pairings recorded after the instant, the latest
	 * recorded {@code shown} per pairing (newest first), each row with the number of them
	 * counted up to {@code counted}: {@code id, pairing_id, visit_date, mode, total}. One
	 * statement that reads at most {@code shown + counted} index entries per pairing (the
	 * pairings' ids comma-separated), however many entries she has made (index of V111).
	 */
	@Query(nativeQuery = true, value = """
			select l.id, p.id as pairing_id, l.visit_date, l.mode, c.total
			from unnest(cast(string_to_array(:pairingIds, ',') as bigint[])) as p(id)
			cross join lateral (select count(*) as total from (select 1 from visit w
			  where w.recorded_by = :author and w.pairing_id = p.id and w.created_at > :since limit :counted) k) c
			join lateral (select v.id, v.visit_date, v.mode, v.created_at from visit v
			  where v.recorded_by = :author and v.pairing_id = p.id and v.created_at > :since
			  order by v.created_at desc, v.id desc limit :shown) l on true
			order by p.id, l.created_at desc, l.id desc""")
	List<Object[]> latestRecordedSince(@Param("author") long author, @Param("pairingIds") String pairingIds,
			@Param("since") java.time.Instant since, @Param("shown") int shown, @Param("counted") int counted);

	/**
	 * One author's entries on these pairings recorded after the instant, latest recorded
	 * first, a page at a time.
	 */
	@Query(value = """
			select v from Visit v
			where v.recordedBy = :author and v.pairingId in :pairingIds and v.createdAt > :since
			order by v.createdAt desc, v.id desc""", countQuery = """
			select count(v) from Visit v
			where v.recordedBy = :author and v.pairingId in :pairingIds and v.createdAt > :since""")
	Page<Visit> recordedSince(@Param("author") long author, @Param("pairingIds") Collection<Long> pairingIds,
			@Param("since") java.time.Instant since, Pageable pageable);

	@Override
	@EntityGraph(attributePaths = { "careTypes", "gifts" })
	Page<Visit> findAll(Specification<Visit> specification, Pageable pageable);

	@Query("select v.id from Visit v where v.pairingId in :pairingIds")
	List<Long> idsOfPairings(@Param("pairingIds") Collection<Long> pairingIds);

	/** Moves the contacts of these pairings (a child's) to her new federation. */
	@org.springframework.data.jpa.repository.Modifying
	@Query(value = "update visit set federation_id = :to where pairing_id in (:pairingIds) and federation_id <> :to",
			nativeQuery = true)
	int move(@Param("pairingIds") Collection<Long> pairingIds, @Param("to") long toFederationId);

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
