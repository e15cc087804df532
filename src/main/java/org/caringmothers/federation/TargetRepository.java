package org.caringmothers.federation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TargetRepository extends JpaRepository<Target, Long> {

	/** Every target set in a subtree, with the path of its federation. */
	@Query("""
			select t, f.path from Target t, Federation f
			where f.id = t.federationId and f.path like :pathPattern""")
	List<Object[]> findWithin(@Param("pathPattern") String pathPattern);

	List<Target> findByFederationIdInAndYear(List<Long> federationIds, int year);

}
