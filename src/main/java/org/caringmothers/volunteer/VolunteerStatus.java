package org.caringmothers.volunteer;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a volunteer: 报名 APPLIED → SCREENED → TRAINED → ACTIVE (after the oath)
 * → SUSPENDED or WITHDRAWN; a suspended volunteer may become active again, and anyone not
 * yet withdrawn may withdraw. WITHDRAWN is final.
 */
public enum VolunteerStatus {

	APPLIED, SCREENED, TRAINED, ACTIVE, SUSPENDED, WITHDRAWN;

	/** The statuses this one may move to. */
	public Set<VolunteerStatus> next() {
		return switch (this) {
			case APPLIED -> EnumSet.of(SCREENED, WITHDRAWN);
			case SCREENED -> EnumSet.of(TRAINED, WITHDRAWN);
			case TRAINED -> EnumSet.of(ACTIVE, WITHDRAWN);
			case ACTIVE -> EnumSet.of(SUSPENDED, WITHDRAWN);
			case SUSPENDED -> EnumSet.of(ACTIVE, WITHDRAWN);
			case WITHDRAWN -> EnumSet.noneOf(VolunteerStatus.class);
		};
	}

	public boolean canMoveTo(VolunteerStatus target) {
		return target != null && next().contains(target);
	}

}
