package org.caringmothers.child;

/** Gender as on the identity card. */
public enum Gender {

	FEMALE, MALE

}
