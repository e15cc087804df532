package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.caringmothers.common.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caringmothers.volunteer.VolunteerStatus.ACTIVE;
import static org.caringmothers.volunteer.VolunteerStatus.APPLIED;
import static org.caringmothers.volunteer.VolunteerStatus.SCREENED;
import static org.caringmothers.volunteer.VolunteerStatus.SUSPENDED;
import static org.caringmothers.volunteer.VolunteerStatus.TRAINED;
import static org.caringmothers.volunteer.VolunteerStatus.WITHDRAWN;

/** The lifecycle state machine and the rules of each step, without Spring. */
class VolunteerLifecycleTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	private static final BigDecimal REQUIRED = new BigDecimal("2");

	/** Every transition the programme allows; every other pair is refused. */
	private static final Map<VolunteerStatus, Set<VolunteerStatus>> ALLOWED = Map.of(APPLIED,
			EnumSet.of(SCREENED, WITHDRAWN), SCREENED, EnumSet.of(TRAINED, WITHDRAWN), TRAINED,
			EnumSet.of(ACTIVE, WITHDRAWN), ACTIVE, EnumSet.of(SUSPENDED, WITHDRAWN), SUSPENDED,
			EnumSet.of(ACTIVE, WITHDRAWN), WITHDRAWN, EnumSet.noneOf(VolunteerStatus.class));

	@Test
	void everyAllowedTransitionPassesAndEveryOtherIsRefused() {
		int allowed = 0;
		int refused = 0;
		for (VolunteerStatus from : VolunteerStatus.values()) {
			for (VolunteerStatus to : VolunteerStatus.values()) {
				StatusChangeForm step = completeStep(to);
				if (ALLOWED.get(from).contains(to)) {
					assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isTrue();
					assertThatNoException().as("%s -> %s", from, to)
						.isThrownBy(() -> VolunteerLifecycle.check(from, step, REQUIRED, REQUIRED, TODAY));
					allowed++;
				}
				else {
					assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isFalse();
					assertThatThrownBy(() -> VolunteerLifecycle.check(from, step, REQUIRED, REQUIRED, TODAY))
						.as("%s -> %s", from, to)
						.isInstanceOfSatisfying(RuleViolationException.class,
								ex -> assertThat(ex.messageKey()).isEqualTo("volunteer.status.notAllowed"));
					refused++;
				}
			}
		}
		assertThat(allowed).isEqualTo(10);
		assertThat(refused).isEqualTo(26);
		assertThat(WITHDRAWN.next()).isEmpty();
	}

	@Test
	void screeningNeedsAllThreeChecks() {
		for (String missing : new String[] { "interviewDone", "referencesChecked", "noCriminalRecord" }) {
			StatusChangeForm step = completeStep(SCREENED);
			switch (missing) {
				case "interviewDone" -> step.setInterviewDone(false);
				case "referencesChecked" -> step.setReferencesChecked(false);
				default -> step.setNoCriminalRecord(false);
			}
			expectProblem(APPLIED, step, BigDecimal.ZERO, missing, "volunteer.screening.required");
		}
		assertThatNoException().isThrownBy(
				() -> VolunteerLifecycle.check(APPLIED, completeStep(SCREENED), BigDecimal.ZERO, REQUIRED, TODAY));
		// none ticked: all three are marked in one refusal
		StatusChangeForm none = StatusChangeForm.to(SCREENED);
		assertThatThrownBy(() -> VolunteerLifecycle.check(APPLIED, none, BigDecimal.ZERO, REQUIRED, TODAY))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.violations()).extracting(RuleViolationException::field)
						.containsExactly("interviewDone", "referencesChecked", "noCriminalRecord"));
	}

	@Test
	void trainedOnlyWithEnoughHours() {
		expectProblem(SCREENED, completeStep(TRAINED), new BigDecimal("1.5"), "to", "volunteer.training.notEnough");
		expectProblem(SCREENED, completeStep(TRAINED), BigDecimal.ZERO, "to", "volunteer.training.notEnough");
		assertThatNoException().isThrownBy(() -> VolunteerLifecycle.check(SCREENED, completeStep(TRAINED),
				new BigDecimal("2.0"), REQUIRED, TODAY));
		assertThatThrownBy(() -> VolunteerLifecycle.check(SCREENED, completeStep(TRAINED), new BigDecimal("3.5"),
				new BigDecimal("4"), TODAY))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.arguments()).containsExactly("3.5", "4"));
	}

	@Test
	void trainingHoursRule() {
		assertThat(VolunteerLifecycle.hasEnoughTraining(new BigDecimal("2.0"), REQUIRED)).isTrue();
		assertThat(VolunteerLifecycle.hasEnoughTraining(new BigDecimal("2.5"), REQUIRED)).isTrue();
		assertThat(VolunteerLifecycle.hasEnoughTraining(new BigDecimal("1.9"), REQUIRED)).isFalse();
		assertThat(VolunteerLifecycle.hasEnoughTraining(null, REQUIRED)).isFalse();
		assertThat(VolunteerLifecycle.hasEnoughTraining(new BigDecimal("3"), new BigDecimal("3.5"))).isFalse();
	}

	@Test
	void activationAfterTrainingNeedsAnOathDateNotInTheFuture() {
		StatusChangeForm noOath = completeStep(ACTIVE);
		noOath.setOathDate(null);
		expectProblem(TRAINED, noOath, REQUIRED, "oathDate", "volunteer.oath.required");
		StatusChangeForm future = completeStep(ACTIVE);
		future.setOathDate(TODAY.plusDays(1));
		expectProblem(TRAINED, future, REQUIRED, "oathDate", "volunteer.oath.future");
		StatusChangeForm today = completeStep(ACTIVE);
		today.setOathDate(TODAY);
		assertThatNoException().isThrownBy(() -> VolunteerLifecycle.check(TRAINED, today, REQUIRED, REQUIRED, TODAY));
		assertThatNoException().as("resuming service needs no new oath")
			.isThrownBy(() -> VolunteerLifecycle.check(SUSPENDED, noOath, REQUIRED, REQUIRED, TODAY));
	}

	@Test
	void suspendingAndWithdrawingNeedAReason() {
		for (VolunteerStatus to : new VolunteerStatus[] { SUSPENDED, WITHDRAWN }) {
			StatusChangeForm step = completeStep(to);
			step.setNote("  ");
			expectProblem(ACTIVE, step, REQUIRED, "note", "volunteer.status.reasonRequired");
		}
		StatusChangeForm withdrawApplicant = completeStep(WITHDRAWN);
		withdrawApplicant.setNote(null);
		expectProblem(APPLIED, withdrawApplicant, BigDecimal.ZERO, "note", "volunteer.status.reasonRequired");
	}

	@Test
	void aStepChangesTheVolunteer() {
		Volunteer volunteer = new Volunteer(1L);
		take(volunteer, completeStep(SCREENED));
		assertThat(volunteer.isInterviewDone() && volunteer.isReferencesChecked() && volunteer.isNoCriminalRecord())
			.isTrue();
		take(volunteer, completeStep(TRAINED));
		take(volunteer, completeStep(ACTIVE));
		assertThat(volunteer.getOathDate()).isEqualTo(TODAY.minusDays(1));
		take(volunteer, completeStep(SUSPENDED));
		assertThat(volunteer.getStatusReason()).isEqualTo("外出务工");
		StatusChangeForm resume = completeStep(ACTIVE);
		resume.setOathDate(TODAY);
		take(volunteer, resume);
		assertThat(volunteer.getStatus()).isEqualTo(ACTIVE);
		assertThat(volunteer.getOathDate()).as("the first oath stays").isEqualTo(TODAY.minusDays(1));
		assertThat(volunteer.getStatusReason()).isNull();
	}

	private static void take(Volunteer volunteer, StatusChangeForm step) {
		volunteer.moveTo(step.getTo(), step.getOathDate(), step.getNote());
	}

	private static void expectProblem(VolunteerStatus from, StatusChangeForm step, BigDecimal hours, String field,
			String key) {
		assertThatThrownBy(() -> VolunteerLifecycle.check(from, step, hours, REQUIRED, TODAY))
			.isInstanceOfSatisfying(RuleViolationException.class, ex -> {
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.messageKey()).isEqualTo(key);
			});
	}

	/** A step with everything any target needs. */
	private static StatusChangeForm completeStep(VolunteerStatus to) {
		StatusChangeForm step = StatusChangeForm.to(to);
		step.setInterviewDone(true);
		step.setReferencesChecked(true);
		step.setNoCriminalRecord(true);
		step.setOathDate(TODAY.minusDays(1));
		step.setNote("外出务工");
		return step;
	}

}
