package org.caringmothers.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.persistence.VersionedEntity;
import org.caringmothers.federation.Federation;

/** An event a federation holds on a date; a training also has its hours and trainer. */
@Entity
@Table(name = "event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Event extends VersionedEntity {

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

	void update(Federation federation, EventParameters record) {
		this.federation = federation;
		this.type = record.type();
		this.title = record.title();
		this.eventDate = record.eventDate();
		this.place = record.place();
		this.attendanceCount = record.attendanceCount();
		this.hours = record.hours();
		this.trainer = record.trainer();
	}

	void countAtLeast(int attendees) {
		this.attendanceCount = Math.max(this.attendanceCount, attendees);
	}

}
