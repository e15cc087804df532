package org.caringmothers.child;

/** How a guardian is related to the child. */
public enum GuardianRelation {

	GRANDPARENT, PARENT, RELATIVE, SIBLING, OTHER

}
