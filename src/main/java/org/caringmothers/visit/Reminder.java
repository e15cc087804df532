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
import org.caringmothers.federation.Federation;

/**
 * A reminder from staff to a caring mother about one of her pairings: it shows on her
 * home page until she records a contact, and goes to her phone as the SMS of its day.
 */
@Entity
@Table(name = "reminder")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Reminder extends BaseEntity {

	@Column(updatable = false)
	private Long pairingId;

	/**
	 * Its pairing's federation; moved only with the child (a bulk update), never by a
	 * save of the reminder.
	 */
	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "federation_id", updatable = false)
	private Federation federation;

	@Column(updatable = false)
	private Long createdBy;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	/** The SMS of the day that carries this reminder, if one was queued. */
	@Column(updatable = false)
	private Long smsMessageId;

	Reminder(long pairingId, Federation federation, Long createdBy, Long smsMessageId) {
		this.pairingId = pairingId;
		this.federation = federation;
		this.createdBy = createdBy;
		this.smsMessageId = smsMessageId;
	}

}
