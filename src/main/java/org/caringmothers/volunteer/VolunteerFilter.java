package org.caringmothers.volunteer;

import lombok.Getter;
import lombok.Setter;

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
		VolunteerFilter copy = new VolunteerFilter();
		copy.setQ(this.q);
		copy.setFederationCode(this.federationCode);
		copy.setRole(this.role);
		copy.setSkill(this.skill);
		return copy;
	}

}
