package org.caringmothers.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

	@EntityGraph(attributePaths = "federation")
	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	@Query("select a.role, count(a) from Account a where a.federation.path like :pathPattern group by a.role")
	List<Object[]> countByRole(@Param("pathPattern") String pathPattern);

}
