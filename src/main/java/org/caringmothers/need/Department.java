package org.caringmothers.need;

/** Where a need is referred (转介): 民政, 教育, 卫健, 公安, 团委, other. */
public enum Department {

	CIVIL_AFFAIRS, EDUCATION, HEALTH, POLICE, YOUTH_LEAGUE, OTHER

}
