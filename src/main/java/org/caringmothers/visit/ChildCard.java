package org.caringmothers.visit;

import java.time.LocalDate;

import org.caringmothers.pairing.CareCadence;
import org.caringmothers.pairing.PairingView;

/**
 * One paired child as her mother (or staff) sees the pairing's cadence: when the last
 * contact was, when the next is due, and whether it is overdue.
 */
public record ChildCard(PairingView pairing, CareCadence cadence, LocalDate today, boolean reminded) {

	public boolean isOverdue() {
		return this.cadence.isGap(this.today);
	}

	public long daysSinceContact() {
		return this.cadence.daysSinceContact(this.today);
	}

	public long daysOverdue() {
		return this.cadence.daysOverdue(this.today);
	}

	public LocalDate nextDue() {
		return this.cadence.nextDue();
	}

	public boolean homeVisitDue() {
		return this.cadence.isHomeVisitLate(this.today);
	}

	/** Whether a contact of any kind is late. */
	public boolean contactLate() {
		return this.cadence.isContactLate(this.today);
	}

	/** The first day the contact was late. */
	public LocalDate contactLateSince() {
		return this.cadence.nextContactDue().plusDays(1);
	}

	/** The first day the home visit was late. */
	public LocalDate homeVisitLateSince() {
		return this.cadence.nextHomeVisitDue().plusDays(1);
	}

	/** The first day of the care gap (the earlier of the two). */
	public LocalDate gapSince() {
		return this.cadence.gapSince();
	}

	/** The day of the last contact, or {@code null} when there was none. */
	public LocalDate lastContact() {
		return this.cadence.lastContact();
	}

	/** The day of the last home visit, or {@code null} when there was none. */
	public LocalDate lastHomeVisit() {
		return this.cadence.lastHomeVisit();
	}

	public int childAge() {
		return this.pairing.getChild().ageOn(this.today);
	}

}
