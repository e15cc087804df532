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
	 * Entries of one author on these pairings recorded after the instant, newest first.
	 */
	@Query("""
			select v from Visit v where v.recordedBy = :author and v.pairing.id in :pairingIds
			and v.createdAt > :since order by v.visitDate desc, v.id desc""")
	List<Visit> recordedSince(@Param("author") long author, @Param("pairingIds") Collection<Long> pairingIds,
			@Param("since") java.time.Instant since);

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
