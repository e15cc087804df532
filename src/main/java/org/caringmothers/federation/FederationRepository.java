package org.caringmothers.federation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FederationRepository extends JpaRepository<Federation, Long> {

	Optional<Federation> findByCode(String code);

	boolean existsByCode(String code);

	boolean existsByParentIdAndName(Long parentId, String name);

	List<Federation> findByParentIdOrderByCode(Long parentId);

	List<Federation> findByIdInOrderByPath(Collection<Long> ids);

	/** The federation with this code, with its parent. */
	@Query("select f from Federation f left join fetch f.parent where f.code = :code")
	Optional<Federation> findWithParentByCode(@Param("code") String code);

	/** The federation and every federation above it, the top first (by primary key). */
	@Query(value = """
			select a.* from federation a
			where a.id = any (string_to_array(trim(both '/' from (select f.path from federation f where f.id = :id)),
			                                  '/')::bigint[])
			order by a.path""", nativeQuery = true)
	List<Federation> lineage(@Param("id") long id);

	/**
	 * "Is X under Y": true when federation {@code id} lies in the subtree of
	 * {@code rootId}.
	 */
	@Query("""
			select count(f) > 0 from Federation f, Federation root
			where f.id = :id and root.id = :rootId and f.path like concat(root.path, '%')""")
	boolean isWithin(@Param("id") long id, @Param("rootId") long rootId);

	/**
	 * "All ids under Y", Y itself included, given Y's path pattern
	 * ({@link Scope#pathPattern()}). A constant prefix pattern lets PostgreSQL use the
	 * path index as a range scan.
	 */
	@Query("select f.id from Federation f where f.path like :pathPattern")
	List<Long> idsWithin(@Param("pathPattern") String pathPattern);

	@Query("""
			select f from Federation f
			where f.path like :pathPattern
			  and (lower(f.name) like :text or f.code like :codePrefix)""")
	Page<Federation> search(@Param("pathPattern") String pathPattern, @Param("text") String text,
			@Param("codePrefix") String codePrefix, Pageable pageable);

	/**
	 * The federations under the path pattern by level, each row with the number of
	 * stations under it too: [level, count, stations].
	 */
	@Query("""
			select f.level, count(f), (select count(s) from Station s where s.federation.path like :pathPattern)
			from Federation f where f.path like :pathPattern group by f.level""")
	List<Object[]> countByLevelWithStations(@Param("pathPattern") String pathPattern);

	@Query("select f.parent.id, count(f) from Federation f where f.parent.id in :parentIds group by f.parent.id")
	List<Object[]> countChildren(@Param("parentIds") Collection<Long> parentIds);

	/** Federations of this exact name under the path pattern, with their parents. */
	@Query("select f from Federation f left join fetch f.parent where f.path like :pathPattern and f.name = :name")
	List<Federation> findByNameWithin(@Param("pathPattern") String pathPattern, @Param("name") String name);

}
