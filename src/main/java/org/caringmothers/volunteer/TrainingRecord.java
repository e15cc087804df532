package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.persistence.BaseEntity;

/** A training session a volunteer attended (培训): date, topic, hours and trainer. */
@Entity
@Table(name = "volunteer_training")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class TrainingRecord extends BaseEntity {

	private Long volunteerId;

	private LocalDate trainingDate;

	private String topic;

	private BigDecimal hours;

	private String trainer;

	private Long recordedBy;

	private Instant recordedAt;

	/** The training event that credited this record, if any. */
	private Long eventId;

	TrainingRecord(long volunteerId, TrainingParameters training, Long recordedBy, Instant recordedAt, Long eventId) {
		this.volunteerId = volunteerId;
		update(training);
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
		this.eventId = eventId;
	}

	void update(TrainingParameters training) {
		this.trainingDate = training.trainingDate();
		this.topic = training.topic().trim();
		this.hours = training.hours();
		this.trainer = training.trainer().trim();
	}

}
