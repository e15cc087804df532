package org.caringmothers.common;

/** Gender as on the identity card, for children and volunteers alike. */
public enum Gender {

	FEMALE, MALE

}
