package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TrainingRecordRepository extends JpaRepository<TrainingRecord, Long> {

	List<TrainingRecord> findByVolunteerIdOrderByTrainingDateDescIdDesc(Long volunteerId);

	Optional<TrainingRecord> findByVolunteerIdAndEventId(Long volunteerId, Long eventId);

	List<TrainingRecord> findByEventId(Long eventId);

	@Query("select coalesce(sum(t.hours), 0) from TrainingRecord t where t.volunteerId = :volunteerId")
	BigDecimal totalHours(@Param("volunteerId") long volunteerId);

}
