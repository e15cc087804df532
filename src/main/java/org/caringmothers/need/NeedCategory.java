package org.caringmothers.need;

/** What a need is about. */
public enum NeedCategory {

	STUDY, PSYCHOLOGICAL, LIVING, HEALTH, SAFETY, FAMILY

}
