package org.caringmothers.need;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface NeedRepository extends JpaRepository<Need, Long>, JpaSpecificationExecutor<Need> {

	@EntityGraph(attributePaths = { "child", "child.federation", "steps" })
	Optional<Need> findDetailedById(Long id);

	@Override
	@EntityGraph(attributePaths = { "child", "child.federation" })
	Page<Need> findAll(Specification<Need> specification, Pageable pageable);

	@Override
	@EntityGraph(attributePaths = { "child", "child.federation" })
	List<Need> findAll(Specification<Need> specification, Sort sort);

	@EntityGraph(attributePaths = { "child", "child.federation" })
	List<Need> findByChildIdOrderByRaisedAtDesc(Long childId);

}
