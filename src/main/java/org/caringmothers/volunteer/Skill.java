package org.caringmothers.volunteer;

/** Professional skills a volunteer brings, reserves above all. */
public enum Skill {

	PSYCHOLOGIST, TEACHER, DOCTOR, NURSE, LAWYER, SOCIAL_WORKER, FAMILY_EDUCATOR, OTHER

}
