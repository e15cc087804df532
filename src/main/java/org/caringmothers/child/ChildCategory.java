package org.caringmothers.child;

/**
 * The categories a child can carry; several at once. LEFT_BEHIND is 留守, the others are
 * kinds of 困境.
 */
public enum ChildCategory {

	LEFT_BEHIND, ORPHAN, DE_FACTO_UNSUPPORTED, POVERTY, DISABILITY, SERIOUS_ILLNESS, GUARDIANSHIP_RISK

}
