package org.caringmothers.pairing;

import java.time.LocalDate;

import org.caringmothers.child.Child;
import org.caringmothers.federation.Federation;
import org.caringmothers.volunteer.Volunteer;

/**
 * A pairing as callers and pages show it: the pairing with its child (and her federation)
 * and its mother, looked up from their modules in one batch per list by
 * {@link PairingService}. The getters let pages read it as they read a pairing
 * ({@code pairing.child.name}, {@code pairing.startDate}).
 *
 * @param pairing the pairing
 * @param child its child, with her federation
 * @param mother its caring mother
 */
public record PairingView(Pairing pairing, Child child, Volunteer mother) {

	public Long getId() {
		return this.pairing.getId();
	}

	public Child getChild() {
		return this.child;
	}

	public Volunteer getMother() {
		return this.mother;
	}

	public LocalDate getStartDate() {
		return this.pairing.getStartDate();
	}

	public LocalDate getEndDate() {
		return this.pairing.getEndDate();
	}

	public PairingEndReason getEndReason() {
		return this.pairing.getEndReason();
	}

	public String getEndNote() {
		return this.pairing.getEndNote();
	}

	public Long getHandedOverFrom() {
		return this.pairing.getHandedOverFrom();
	}

	/** The pairing's own federation (its child's), which decides who sees it. */
	public Federation getFederation() {
		return this.pairing.getFederation();
	}

	public boolean isActive() {
		return this.pairing.isActive();
	}

}
