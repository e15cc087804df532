package org.caringmothers.need;

/** Where a need stands; RESOLVED and REFERRED close it. */
public enum NeedStatus {

	OPEN, IN_PROGRESS, RESOLVED, REFERRED

}
