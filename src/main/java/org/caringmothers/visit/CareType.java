package org.caringmothers.visit;

/** 关爱内容: the kinds of care given on a contact. */
public enum CareType {

	GUIDANCE, COUNSELLING, COMFORT, TUTORING, LIVING_AID, SAFETY, HEALTH

}
