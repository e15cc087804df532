package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.util.List;

import org.caringmothers.account.SignInAccount;

/**
 * Everything a volunteer's page shows: the volunteer, her lifecycle history, training,
 * the reserves backing her (a mother) or the mothers she backs (a reserve), and the
 * mothers she could still back, and her sign-in account ({@code null} while she has
 * none).
 */
public record VolunteerProfile(Volunteer volunteer, List<StatusChange> history, List<TrainingRecord> trainings,
		BigDecimal trainingHours, BigDecimal requiredHours, List<Volunteer> reserves, List<Volunteer> mothers,
		List<Volunteer> mothersToBack, SignInAccount account) {

	public boolean enoughTraining() {
		return VolunteerLifecycle.hasEnoughTraining(this.trainingHours, this.requiredHours);
	}

}
