package org.caringmothers.visit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.persistence.BaseEntity;
import org.caringmothers.pairing.Pairing;

/**
 * A reminder from staff to a caring mother about one of her pairings: it shows on her
 * home page until she records a contact, and goes to her phone as the SMS of its day.
 */
@Entity
@Table(name = "reminder")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Reminder extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "pairing_id", updatable = false)
	private Pairing pairing;

	@Column(updatable = false)
	private Long createdBy;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	/** The SMS of the day that carries this reminder, if one was queued. */
	@Column(updatable = false)
	private Long smsMessageId;

	Reminder(Pairing pairing, Long createdBy, Long smsMessageId) {
		this.pairing = pairing;
		this.createdBy = createdBy;
		this.smsMessageId = smsMessageId;
	}

}
