package org.caringmothers.need;

/** How urgent a need is. */
public enum Urgency {

	LOW, MEDIUM, HIGH

}
