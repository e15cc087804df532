package org.caringmothers.volunteer;

/** 爱心妈妈 (paired with children) or 预备志愿者 (backs mothers with a professional skill). */
public enum VolunteerRole {

	MOTHER, RESERVE

}
