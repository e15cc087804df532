package org.caringmothers.pairing;

import java.util.Set;

import org.caringmothers.volunteer.Skill;
import org.caringmothers.volunteer.Volunteer;

/**
 * A mother proposed for a child, with why: how near she lives, how many more children she
 * may take, and which of her skills fit the child.
 */
public record Suggestion(Volunteer mother, MatchingOrder.Nearness nearness, int active, int capacity,
		Set<Skill> helpfulSkills) {

	public int spare() {
		return this.capacity - this.active;
	}

}
