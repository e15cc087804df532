package org.caringmothers.visit;

import java.time.LocalDate;

import org.caringmothers.pairing.CareCadence;
import org.caringmothers.pairing.Pairing;

/**
 * One paired child as her mother (or staff) sees the pairing's cadence: when the last
 * contact was, when the next is due, and whether it is overdue.
 */
public record ChildCard(Pairing pairing, CareCadence cadence, LocalDate today, boolean reminded) {

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
		return this.today.isAfter(this.cadence.nextHomeVisitDue());
	}

	public int childAge() {
		return this.pairing.getChild().ageOn(this.today);
	}

}
