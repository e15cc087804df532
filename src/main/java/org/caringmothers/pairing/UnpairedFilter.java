package org.caringmothers.pairing;

import lombok.Getter;
import lombok.Setter;
import org.caringmothers.child.ChildCategory;
import org.caringmothers.child.RiskLevel;

/** The filters and order of the list of children waiting for a mother. */
@Getter
@Setter
public class UnpairedFilter {

	/** How the waiting children are ordered. */
	public enum Order {

		/** highest risk first */
		RISK,
		/** longest waiting first */
		WAITING,
		/** by name */
		NAME

	}

	private String federationCode;

	private ChildCategory category;

	private RiskLevel risk;

	private Order sort = Order.RISK;

}
