package org.caringmothers.event;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.volunteer.Volunteer;

/** An applicant registered at a recruitment drive. */
@Entity
@Table(name = "event_recruit")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class EventRecruit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long eventId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "volunteer_id", updatable = false)
	private Volunteer volunteer;

	private Long addedBy;

	@Column(insertable = false, updatable = false)
	private Instant addedAt;

	EventRecruit(long eventId, Volunteer volunteer, Long addedBy) {
		this.eventId = eventId;
		this.volunteer = volunteer;
		this.addedBy = addedBy;
	}

}
