package org.caringmothers.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

	@EntityGraph(attributePaths = "federation")
	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "update app_user set failed_attempts = 0, locked_until = null, last_login_at = :now where username = :username",
			nativeQuery = true)
	int signedIn(@Param("username") String username, @Param("now") Instant now);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			update app_user set failed_attempts = failed_attempts + 1,
			    locked_until = case when (failed_attempts + 1) % :limit = 0 then :until else locked_until end
			where username = :username""", nativeQuery = true)
	int failedSignIn(@Param("username") String username, @Param("limit") int limit, @Param("until") Instant until);

	@Query(value = "select id, failed_attempts from app_user where username = :username", nativeQuery = true)
	List<Object[]> idAndFailedAttempts(@Param("username") String username);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "update app_user set password_hash = :hash where username = :username", nativeQuery = true)
	int rehash(@Param("username") String username, @Param("hash") String hash);

}
