package org.caringmothers.child;

import lombok.Getter;
import lombok.Setter;

/** The child list's filters, bound from the query string. */
@Getter
@Setter
public class ChildFilter {

	private String q;

	private String federationCode;

	private ChildCategory category;

	private RiskLevel risk;

	private ChildStatus status;

	/** Only children with (true) or without (false) an active pairing. */
	private Boolean paired;

}
