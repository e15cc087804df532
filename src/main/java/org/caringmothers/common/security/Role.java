package org.caringmothers.common.security;

/**
 * What an account may do. OFFICIAL reads (city, province), STAFF manage (county,
 * township), VOLUNTEER is a caring mother, ADMIN administers the platform.
 */
public enum Role {

	ADMIN, OFFICIAL, STAFF, VOLUNTEER;

	public String authority() {
		return "ROLE_" + name();
	}

}
