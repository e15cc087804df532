package org.caringmothers.pairing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.caringmothers.child.Child;
import org.caringmothers.volunteer.Volunteer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PairingRepository extends JpaRepository<Pairing, Long> {

	@EntityGraph(attributePaths = { "mother", "mother.federation", "child", "child.federation" })
	Optional<Pairing> findDetailedById(Long id);

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

	/** Active caring mothers whose federation lies under the path pattern. */
	@Query("""
			select v from Volunteer v join fetch v.federation f
			where v.role = org.caringmothers.volunteer.VolunteerRole.MOTHER
			  and v.status = org.caringmothers.volunteer.VolunteerStatus.ACTIVE
			  and f.path like :pathPattern""")
	List<Volunteer> activeMothersUnder(@Param("pathPattern") String pathPattern);

	/** Active children in the scope without an active pairing. */
	@Query(value = """
			select c from Child c join fetch c.federation f
			where f.path like :pathPattern and c.status = org.caringmothers.child.ChildStatus.ACTIVE
			  and not exists (select 1 from Pairing p where p.child = c and p.endDate is null)""", countQuery = """
			select count(c) from Child c
			where c.federation.path like :pathPattern and c.status = org.caringmothers.child.ChildStatus.ACTIVE
			  and not exists (select 1 from Pairing p where p.child = c and p.endDate is null)""")
	Page<Child> unpairedChildren(@Param("pathPattern") String pathPattern, Pageable pageable);

	/** Active unpaired children whose last mother withdrew or was suspended. */
	@Query("""
			select c from Child c join fetch c.federation f
			where f.path like :pathPattern and c.status = org.caringmothers.child.ChildStatus.ACTIVE
			  and not exists (select 1 from Pairing p where p.child = c and p.endDate is null)
			  and exists (select 1 from Pairing p where p.child = c
			    and p.endReason = org.caringmothers.pairing.PairingEndReason.MOTHER_WITHDREW
			    and p.endDate = (select max(q.endDate) from Pairing q where q.child = c))
			order by c.name""")
	List<Child> childrenNeedingANewMother(@Param("pathPattern") String pathPattern);

	/**
	 * Id, start date, child's federation id and path of every active pairing whose child
	 * lies under the path pattern.
	 */
	@Query("""
			select p.id, p.startDate, f.id, f.path from Pairing p join p.child c join c.federation f
			where p.endDate is null and f.path like :pathPattern""")
	List<Object[]> activeUnder(@Param("pathPattern") String pathPattern);

	@Query("select count(p) from Pairing p where p.endDate is null and p.child.federation.path like :pathPattern")
	long countActiveUnder(@Param("pathPattern") String pathPattern);

}
