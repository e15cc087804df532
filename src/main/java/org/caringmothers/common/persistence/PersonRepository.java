package org.caringmothers.common.persistence;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.Param;

/**
 * The lookups every register of people (children, volunteers) makes by the keyed hash of
 * an identity number, so that a number is registered once.
 */
@NoRepositoryBean
public interface PersonRepository<T> extends JpaRepository<T, Long>, JpaSpecificationExecutor<T> {

	@Query("select p.id from #{#entityName} p where p.idNumberIndex = :index")
	Optional<Long> findIdByIdNumberIndex(@Param("index") String index);

}
