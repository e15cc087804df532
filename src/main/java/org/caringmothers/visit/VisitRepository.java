package org.caringmothers.visit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.caringmothers.pairing.Pairing;
import org.caringmothers.volunteer.Volunteer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisitRepository extends JpaRepository<Visit, Long> {

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

	/** Per pairing: the last contact of any kind and the last home visit. */
	@Query("""
			select v.pairing.id, max(v.visitDate),
			  max(case when v.mode = org.caringmothers.visit.ContactMode.HOME_VISIT then v.visitDate end)
			from Visit v where v.pairing.id in :pairingIds group by v.pairing.id""")
	List<Object[]> lastContacts(@Param("pairingIds") Collection<Long> pairingIds);

	/** The caring mother linked to a sign-in account. */
	@Query("select v from Volunteer v join fetch v.federation where v.accountId = :accountId")
	Optional<Volunteer> motherOfAccount(@Param("accountId") long accountId);

	/** Active pairings whose child lies under the path pattern. */
	@Query("""
			select p from Pairing p join fetch p.child c join fetch c.federation join fetch p.mother m
			where p.endDate is null and c.federation.path like :pathPattern""")
	List<Pairing> activePairingsUnder(@Param("pathPattern") String pathPattern);

	@EntityGraph(attributePaths = { "pairing", "pairing.child", "pairing.child.federation", "pairing.mother",
			"careTypes", "gifts" })
	@Query("""
			select v from Visit v where v.reviewedAt is null and v.pairing.child.federation.path like :pathPattern
			order by v.createdAt desc""")
	Page<Visit> unreviewedUnder(@Param("pathPattern") String pathPattern, Pageable pageable);

	/** Pairings with a reminder newer than their newest recorded contact. */
	@Query(value = """
			select r.pairing_id from reminder r where r.pairing_id in (:pairingIds)
			  and r.created_at > coalesce((select max(v.created_at) from visit v where v.pairing_id = r.pairing_id),
			                              timestamptz '1970-01-01')""", nativeQuery = true)
	List<Long> remindedPairings(@Param("pairingIds") Collection<Long> pairingIds);

	@org.springframework.data.jpa.repository.Modifying
	@Query(value = "insert into reminder (pairing_id, created_by) values (:pairingId, :userId)", nativeQuery = true)
	void remind(@Param("pairingId") long pairingId, @Param("userId") long userId);

	@Query("select count(v) from Visit v where v.visitDate >= :from and v.pairing.child.federation.path like :pathPattern")
	long countSince(@Param("pathPattern") String pathPattern, @Param("from") LocalDate from);

}
