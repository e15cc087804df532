package org.caringmothers.event;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationRecord;

/** An event a federation holds on a date; a training also has its hours and trainer. */
@Entity
@Table(name = "event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Event extends FederationRecord {

	@Enumerated(EnumType.STRING)
	private EventType type;

	private String title;

	private LocalDate eventDate;

	private String place;

	private int attendanceCount;

	private BigDecimal hours;

	private String trainer;

	Event(Long createdBy) {
		super(createdBy);
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
		placeIn(federation);
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
