package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a volunteer's page shows: the volunteer, her lifecycle history, training,
 * the reserves backing her (a mother) or the mothers she backs (a reserve), and the
 * mothers she could still back.
 */
public record VolunteerProfile(Volunteer volunteer, List<StatusChange> history, List<TrainingRecord> trainings,
		BigDecimal trainingHours, BigDecimal requiredHours, List<Volunteer> reserves, List<Volunteer> mothers,
		List<Volunteer> mothersToBack) {

	public boolean enoughTraining() {
		return VolunteerLifecycle.hasEnoughTraining(this.trainingHours, this.requiredHours);
	}

}
