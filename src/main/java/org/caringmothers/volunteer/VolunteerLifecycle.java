package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.caringmothers.common.RuleViolationException;

/**
 * The rules of each lifecycle step, apart from any storage: which transitions exist
 * ({@link VolunteerStatus#next()}) and what each one needs.
 */
final class VolunteerLifecycle {

	private VolunteerLifecycle() {
	}

	/**
	 * Checks that a volunteer in status {@code from} with {@code trainedHours} of
	 * training may take the step described by the form.
	 * @throws RuleViolationException naming the field and the message key of the problem
	 */
	static void check(VolunteerStatus from, StatusChangeForm form, BigDecimal trainedHours, BigDecimal requiredHours,
			LocalDate today) {
		VolunteerStatus to = form.getTo();
		RuleViolationException.refuseIf(to == null || !from.canMoveTo(to), "to", "volunteer.status.notAllowed");
		switch (to) {
			case SCREENED -> {
				// every box left unticked is marked at once
				RuleViolationException.refuseAll(
						() -> RuleViolationException.refuseIf(!form.isInterviewDone(), "interviewDone",
								"volunteer.screening.required"),
						() -> RuleViolationException.refuseIf(!form.isReferencesChecked(), "referencesChecked",
								"volunteer.screening.required"),
						() -> RuleViolationException.refuseIf(!form.isNoCriminalRecord(), "noCriminalRecord",
								"volunteer.screening.required"));
			}
			case TRAINED -> {
				if (!hasEnoughTraining(trainedHours, requiredHours)) {
					throw new RuleViolationException("to", "volunteer.training.notEnough",
							trainedHours.stripTrailingZeros().toPlainString(),
							requiredHours.stripTrailingZeros().toPlainString());
				}
			}
			case ACTIVE -> {
				if (from == VolunteerStatus.TRAINED) {
					RuleViolationException.refuseIf(form.getOathDate() == null, "oathDate", "volunteer.oath.required");
					RuleViolationException.refuseIf(form.getOathDate().isAfter(today), "oathDate",
							"volunteer.oath.future");
				}
			}
			case SUSPENDED, WITHDRAWN -> {
				RuleViolationException.refuseIf(form.getNote() == null || form.getNote().isBlank(), "note",
						"volunteer.status.reasonRequired");
			}
			default -> {
			}
		}
	}

	/** Whether the training hours reach the required hours. */
	static boolean hasEnoughTraining(BigDecimal trainedHours, BigDecimal requiredHours) {
		return trainedHours != null && trainedHours.compareTo(requiredHours) >= 0;
	}

}
