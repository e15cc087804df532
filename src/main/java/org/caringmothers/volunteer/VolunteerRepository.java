package org.caringmothers.volunteer;

import java.util.List;
import java.util.Optional;

import org.caringmothers.common.persistence.PersonRepository;
import org.caringmothers.federation.Federation;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VolunteerRepository extends PersonRepository<Volunteer> {

	/**
	 * These volunteers with their federation and skills, in one statement (for the
	 * modules that show a mother beside their own records).
	 */
	@EntityGraph(attributePaths = { "federation", "skills" })
	List<Volunteer> findWithSkillsByIdIn(java.util.Collection<Long> ids);

	/** A volunteer with everything her page shows about herself. */
	@EntityGraph(attributePaths = { "federation", "station", "skills" })
	Optional<Volunteer> findDetailedById(Long id);

	/** The federation holding the record with this keyed hash, anywhere. */
	@Query("select p.federation from #{#entityName} p where p.idNumberIndex = :index")
	Optional<Federation> federationHoldingIdNumber(@Param("index") String index);

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

	/** Ends every backing link of a volunteer, as reserve or as mother. */
	@Modifying(flushAutomatically = true)
	@Query(value = "delete from volunteer_backing where reserve_id = :id or mother_id = :id", nativeQuery = true)
	int endBackings(@Param("id") long id);

	@EntityGraph(attributePaths = "federation")
	Optional<Volunteer> findByAccountId(Long accountId);

}
