package org.caringmothers.volunteer;

import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.web.Filters;

/** The volunteer list's filters, bound from the query string. */
@Getter
@Setter
public class VolunteerFilter {

	/** A name (or part of it) or a phone number (exact digits). */
	private String q;

	private String federationCode;

	private VolunteerStatus status;

	private VolunteerRole role;

	private Skill skill;

	VolunteerFilter withoutStatus() {
		return Filters.without(this, "status");
	}

}
