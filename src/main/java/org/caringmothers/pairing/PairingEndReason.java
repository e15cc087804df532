package org.caringmothers.pairing;

/** Why a pairing ended. */
public enum PairingEndReason {

	CHILD_AGED_OUT, CHILD_MOVED, CHILD_CLOSED, PARENTS_RETURNED, MOTHER_WITHDREW, OTHER

}
