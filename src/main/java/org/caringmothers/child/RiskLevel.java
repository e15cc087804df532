package org.caringmothers.child;

/** How worried the federation is about the child. */
public enum RiskLevel {

	LOW, MEDIUM, HIGH

}
