package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a reserve volunteer may take over children as a caring mother, and if not,
 * exactly what is missing: the same conditions as activating a mother (screening, the
 * required training hours, the oath) and a status that is neither suspended nor
 * withdrawn.
 */
public record CareReadiness(Volunteer volunteer, boolean available, boolean screened, BigDecimal trainedHours,
		BigDecimal requiredHours, boolean oathTaken) {

	public boolean enoughTraining() {
		return VolunteerLifecycle.hasEnoughTraining(this.trainedHours, this.requiredHours);
	}

	public boolean ready() {
		return this.available && this.screened && enoughTraining() && this.oathTaken;
	}

	/** The message keys of what is missing, in the order of the lifecycle. */
	public List<String> missing() {
		List<String> missing = new ArrayList<>();
		if (!this.available) {
			missing.add("handover.missing.status");
		}
		if (!this.screened) {
			missing.add("handover.missing.screening");
		}
		if (!enoughTraining()) {
			missing.add("handover.missing.training");
		}
		if (!this.oathTaken) {
			missing.add("handover.missing.oath");
		}
		return missing;
	}

	public String trainedHoursText() {
		return this.trainedHours.stripTrailingZeros().toPlainString();
	}

	public String requiredHoursText() {
		return this.requiredHours.stripTrailingZeros().toPlainString();
	}

}
