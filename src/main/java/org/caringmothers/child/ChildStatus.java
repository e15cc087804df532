package org.caringmothers.child;

/** ACTIVE in the programme; MOVED away or CLOSED with a reason; AGED_OUT once 18. */
public enum ChildStatus {

	ACTIVE, MOVED, CLOSED, AGED_OUT

}
