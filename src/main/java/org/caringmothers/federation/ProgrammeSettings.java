package org.caringmothers.federation;

/**
 * The programme rules in force for a federation: how many children a mother may have at
 * once, and how often each pairing needs a contact and a home visit.
 *
 * @param motherCapacity most active pairings per mother
 * @param contactDays a contact at least every this many days
 * @param homeVisitDays a home visit at least every this many days
 */
public record ProgrammeSettings(int motherCapacity, int contactDays, int homeVisitDays) {

	/** The programme's defaults, used where no federation above sets its own. */
	public static final ProgrammeSettings DEFAULTS = new ProgrammeSettings(3, 30, 90);

}
