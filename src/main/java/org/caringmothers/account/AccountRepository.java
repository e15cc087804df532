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

	/**
	 * Takes a TOTP time step for the account unless it (or a later one) was already used:
	 * 1 when taken, 0 for a replayed code.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "update app_user set totp_last_step = :step where id = :id and (totp_last_step is null or totp_last_step < :step)",
			nativeQuery = true)
	int useTotpStep(@Param("id") long id, @Param("step") long step);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "update app_user set totp_last_step = null where id = :id", nativeQuery = true)
	int forgetTotpStep(@Param("id") long id);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "update account_recovery_code set used_at = :now where account_id = :id and code_hash = :hash and used_at is null",
			nativeQuery = true)
	int useRecoveryCode(@Param("id") long id, @Param("hash") String hash, @Param("now") Instant now);

	@Query(value = "select count(*) from account_recovery_code where account_id = :id and used_at is null",
			nativeQuery = true)
	int unusedRecoveryCodes(@Param("id") long id);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "delete from account_recovery_code where account_id = :id", nativeQuery = true)
	int deleteRecoveryCodes(@Param("id") long id);

	@Modifying(flushAutomatically = true)
	@Query(value = "insert into account_recovery_code (account_id, code_hash) values (:id, :hash)", nativeQuery = true)
	int addRecoveryCode(@Param("id") long id, @Param("hash") String hash);

}
