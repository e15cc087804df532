package org.caringmothers.visit;

/** What is late in a care gap: a contact of any kind, or the home visit. */
public enum CareGapKind {

	CONTACT, HOME_VISIT;

}
