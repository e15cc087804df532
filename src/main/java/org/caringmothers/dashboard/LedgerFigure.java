package org.caringmothers.dashboard;

import lombok.AccessLevel;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/**
 * The columns of the monthly ledger, in the order county federations report them. The
 * names of the children's categories are the category codes.
 */
@RequiredArgsConstructor
@Getter
@Accessors(fluent = true)
public enum LedgerFigure {

	MOTHERS(Group.VOLUNTEERS, "mothers", false),

	CHILDREN(Group.CHILDREN, "children", false),

	LEFT_BEHIND(Group.CHILDREN, "left_behind", false),

	ORPHAN(Group.CHILDREN, "orphan", false),

	DE_FACTO_UNSUPPORTED(Group.CHILDREN, "de_facto_unsupported", false),

	POVERTY(Group.CHILDREN, "poverty", false),

	DISABILITY(Group.CHILDREN, "disability", false),

	SERIOUS_ILLNESS(Group.CHILDREN, "serious_illness", false),

	GUARDIANSHIP_RISK(Group.CHILDREN, "guardianship_risk", false),

	PAIRINGS_NEW(Group.PAIRINGS, "pairings_new", true),

	PAIRINGS_ENDED(Group.PAIRINGS, "pairings_ended", true),

	PAIRINGS_ACTIVE(Group.PAIRINGS, "pairings_active", true),

	CONTACTS(Group.CARE, "contacts", true),

	HOME_VISITS(Group.CARE, "home_visits", true),

	NEEDS_OPENED(Group.NEEDS, "needs_opened", true),

	NEEDS_RESOLVED(Group.NEEDS, "needs_resolved", true),

	NEEDS_REFERRED(Group.NEEDS, "needs_referred", true),

	NEEDS_OPEN(Group.NEEDS, "needs_open", false),

	EVENTS(Group.EVENTS, "events", true),

	ATTENDANCE(Group.EVENTS, "attendance", true),

	GIFT_VALUE(Group.GIFTS, "gift_value", true);

	/** The headings above the columns. */
	public enum Group {

		VOLUNTEERS, CHILDREN, PAIRINGS, CARE, NEEDS, EVENTS, GIFTS;

		/** How many columns this heading spans. */
		public int span() {
			int span = 0;
			for (LedgerFigure figure : LedgerFigure.values()) {
				if (figure.group == this) {
					span++;
				}
			}
			return span;
		}

	}

	private final Group group;

	/** The column of {@code month_report_row} that keeps this figure. */
	@Getter(AccessLevel.PACKAGE)
	private final String column;

	/**
	 * Whether the figure belongs to the month (and so stays the same however late the
	 * ledger is made, unless that month's records change); mothers and children are
	 * counted as registered when the ledger is made.
	 */
	private final boolean ofTheMonth;

	/** Whether the figure is an amount in yuan rather than a count. */
	public boolean money() {
		return this == GIFT_VALUE;
	}

}
