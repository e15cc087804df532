package org.caringmothers.volunteer;

import java.time.LocalDate;
import java.util.Set;

import org.caringmothers.common.Gender;

/** A volunteer's record as a form hands it to the service: trimmed and validated. */
record VolunteerParameters(VolunteerRole role, String name, Gender gender, LocalDate birthDate, String workUnit,
		String occupation, Set<Skill> skills) {
}
