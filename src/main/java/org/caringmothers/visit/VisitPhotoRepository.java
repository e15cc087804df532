package org.caringmothers.visit;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface VisitPhotoRepository extends JpaRepository<VisitPhoto, Long> {

	List<VisitPhoto> findByVisitIdOrderById(Long visitId);

	List<VisitPhoto> findByVisitIdInOrderById(Collection<Long> visitIds);

}
