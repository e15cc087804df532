package org.caringmothers.volunteer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StatusChangeRepository extends JpaRepository<StatusChange, Long> {

	List<StatusChange> findByVolunteerIdOrderByChangedAtAscIdAsc(Long volunteerId);

}
