package org.caringmothers.volunteer;

import java.util.List;
import java.util.Optional;

import org.caringmothers.federation.Federation;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VolunteerRepository extends JpaRepository<Volunteer, Long>, JpaSpecificationExecutor<Volunteer> {

	/** A volunteer with everything her page shows about herself. */
	@EntityGraph(attributePaths = { "federation", "station", "skills" })
	Optional<Volunteer> findDetailedById(Long id);

	/** The federation holding the record with this keyed hash, anywhere. */
	@Query("select v.federation from Volunteer v where v.idNumberIndex = :index")
	Optional<Federation> federationHoldingIdNumber(@Param("index") String index);

	@Query("select v.id from Volunteer v where v.idNumberIndex = :index")
	Optional<Long> findIdByIdNumberIndex(@Param("index") String index);

	/** The reserves backing a mother. */
	@Query("""
			select r from Volunteer r join fetch r.federation join r.mothers m
			where m.id = :motherId order by r.name, r.id""")
	List<Volunteer> findReservesOf(@Param("motherId") long motherId);

	/** The mothers a reserve backs. */
	@Query("""
			select m from Volunteer r join r.mothers m join fetch m.federation
			where r.id = :reserveId order by m.name, m.id""")
	List<Volunteer> findMothersBackedBy(@Param("reserveId") long reserveId);

	@Query("select count(r) from Volunteer r join r.mothers m where m.id = :motherId")
	long countReservesOf(@Param("motherId") long motherId);

	/**
	 * Mothers in the scope that this reserve could back: not withdrawn, not already
	 * backed by her, and with fewer than the maximum number of reserves.
	 */
	@Query("""
			select m from Volunteer m join fetch m.federation f
			where m.role = org.caringmothers.volunteer.VolunteerRole.MOTHER
			  and m.status <> org.caringmothers.volunteer.VolunteerStatus.WITHDRAWN
			  and f.path like :pathPattern
			  and m.id not in (select b.id from Volunteer r join r.mothers b where r.id = :reserveId)
			  and (select count(r2) from Volunteer r2 join r2.mothers b2 where b2.id = m.id) < :maximum
			order by f.code, m.name, m.id""")
	List<Volunteer> findMothersToBack(@Param("reserveId") long reserveId, @Param("pathPattern") String pathPattern,
			@Param("maximum") long maximum);

	/** Ends every backing link of a volunteer, as reserve or as mother. */
	@Modifying(flushAutomatically = true)
	@Query(value = "delete from volunteer_backing where reserve_id = :id or mother_id = :id", nativeQuery = true)
	int endBackings(@Param("id") long id);

	Optional<Volunteer> findByAccountId(Long accountId);

}
