package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A training session as a form (or a training event of the event module) hands it to the
 * service; the training record takes these, never a form.
 *
 * @param trainingDate the day of the session
 * @param topic what it was about
 * @param hours how long it took
 * @param trainer who gave it
 */
public record TrainingParameters(LocalDate trainingDate, String topic, BigDecimal hours, String trainer) {
}
