package org.caringmothers.visit;

/** How the child seemed. */
public enum ChildMood {

	GOOD, NEEDS_ATTENTION, WORRYING

}
