package org.caringmothers.pairing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.caringmothers.federation.ProgrammeSettings;

/**
 * Whether a pairing gets the contact it should: a contact at least every
 * {@code contactDays} days and a home visit at least every {@code homeVisitDays} days,
 * counted from the last one, or from the start of the pairing before the first. A pairing
 * past either due date is a care gap. Plain calendar days: month ends and leap days count
 * like any other day.
 *
 * @param start the day the pairing began
 * @param lastContact the day of the last contact of any kind, or {@code null}
 * @param lastHomeVisit the day of the last home visit, or {@code null}
 * @param settings the rules in force for the child's federation
 */
public record CareCadence(LocalDate start, LocalDate lastContact, LocalDate lastHomeVisit, ProgrammeSettings settings) {

	/**
	 * The cadence of a pairing under a federation's contact and home-visit intervals (the
	 * due dates the {@code visit_care_due} view computes from the same dates).
	 */
	public static CareCadence of(LocalDate start, LocalDate lastContact, LocalDate lastHomeVisit, int contactDays,
			int homeVisitDays) {
		return new CareCadence(start, lastContact, lastHomeVisit,
				new ProgrammeSettings(ProgrammeSettings.DEFAULTS.motherCapacity(), contactDays, homeVisitDays));
	}

	/** The last day by which the next contact must happen. */
	public LocalDate nextContactDue() {
		return (this.lastContact != null ? this.lastContact : this.start).plusDays(this.settings.contactDays());
	}

	/** The last day by which the next home visit must happen. */
	public LocalDate nextHomeVisitDue() {
		return (this.lastHomeVisit != null ? this.lastHomeVisit : this.start).plusDays(this.settings.homeVisitDays());
	}

	/** The earlier of the two due dates. */
	public LocalDate nextDue() {
		LocalDate contact = nextContactDue();
		LocalDate homeVisit = nextHomeVisitDue();
		return contact.isBefore(homeVisit) ? contact : homeVisit;
	}

	/**
	 * Whether either due date has passed: on the due date itself the pairing is still in
	 * time.
	 */
	public boolean isGap(LocalDate today) {
		return isContactLate(today) || isHomeVisitLate(today);
	}

	/** Whether the contact of any kind is late: its due date has passed. */
	public boolean isContactLate(LocalDate today) {
		return today.isAfter(nextContactDue());
	}

	/** Whether the home visit is late: its due date has passed. */
	public boolean isHomeVisitLate(LocalDate today) {
		return today.isAfter(nextHomeVisitDue());
	}

	/** The first day of the gap: the day after the earlier due date. */
	public LocalDate gapSince() {
		return nextDue().plusDays(1);
	}

	/** How many days the pairing is overdue (0 when in time). */
	public long daysOverdue(LocalDate today) {
		return Math.max(0, ChronoUnit.DAYS.between(nextDue(), today));
	}

	/** Days since the last contact (or since the start when there was none). */
	public long daysSinceContact(LocalDate today) {
		return ChronoUnit.DAYS.between(this.lastContact != null ? this.lastContact : this.start, today);
	}

}
