package org.caringmothers.volunteer;

/** Gender as on the identity card. */
public enum Gender {

	FEMALE, MALE

}
