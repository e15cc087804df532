package org.caringmothers.federation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StationRepository extends JpaRepository<Station, Long> {

	List<Station> findByFederationIdOrderByName(Long federationId);

	boolean existsByFederationIdAndName(Long federationId, String name);

}
