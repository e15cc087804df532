package org.caringmothers.child;

/** Where the child's parents are. */
public enum ParentsSituation {

	BOTH_AWAY, ONE_AWAY, DECEASED, OTHER

}
