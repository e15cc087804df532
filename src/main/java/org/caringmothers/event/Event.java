package org.caringmothers.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.federation.Federation;

/** An event a federation holds on a date; a training also has its hours and trainer. */
@Entity
@Table(name = "event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Event {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "federation_id")
	private Federation federation;

	@Enumerated(EnumType.STRING)
	private EventType type;

	private String title;

	private LocalDate eventDate;

	private String place;

	private int attendanceCount;

	private BigDecimal hours;

	private String trainer;

	private Long createdBy;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Version
	private long version;

	Event(Long createdBy) {
		this.createdBy = createdBy;
	}

	public boolean isTraining() {
		return this.type == EventType.TRAINING;
	}

	public boolean isRecruitment() {
		return this.type == EventType.RECRUITMENT;
	}

	/**
	 * Whether the event has taken place (today or earlier), so that it can be attended.
	 */
	public boolean heldBy(LocalDate today) {
		return !this.eventDate.isAfter(today);
	}

	void update(Federation federation, EventForm form) {
		this.federation = federation;
		this.type = form.getType();
		this.title = form.getTitle().trim();
		this.eventDate = form.getEventDate();
		this.place = EventForm.trimToNull(form.getPlace());
		this.attendanceCount = form.getAttendanceCount();
		boolean training = form.getType() == EventType.TRAINING;
		this.hours = training ? form.getHours() : null;
		this.trainer = training ? EventForm.trimToNull(form.getTrainer()) : null;
	}

	void countAtLeast(int attendees) {
		this.attendanceCount = Math.max(this.attendanceCount, attendees);
	}

}
