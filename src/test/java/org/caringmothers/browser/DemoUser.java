package org.caringmothers.browser;

import org.caringmothers.common.security.Role;

/**
 * The demo accounts the test database is loaded with, and what a user sees once signed in
 * as each of them.
 */
public enum DemoUser {

	ADMIN("admin", "周雅琴", Role.ADMIN, "山西省"),

	XINZHOU_OFFICIAL("xinzhou.official", "孙慧敏", Role.OFFICIAL, "忻州市"),

	SHENCHI_STAFF("shenchi.staff", "马晓红", Role.STAFF, "神池县"),

	LOUFAN_STAFF("loufan.staff", "胡春燕", Role.STAFF, "娄烦县"),

	LOUFAN_MOTHER("loufan.mother", "林秋菊", Role.VOLUNTEER, "娄烦镇");

	/** The password of every demo account. */
	public static final String PASSWORD = "aixin-demo-2026";

	private final String username;

	private final String displayName;

	private final Role role;

	private final String federationName;

	DemoUser(String username, String displayName, Role role, String federationName) {
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.federationName = federationName;
	}

	public String username() {
		return this.username;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	/** The federation shown in the header under the user's name. */
	public String federationName() {
		return this.federationName;
	}

	/**
	 * The heading of the Chinese home page: the federation's name, or a greeting for a
	 * caring mother.
	 */
	public String homeHeading() {
		return (this.role == Role.VOLUNTEER) ? this.displayName + "，您好" : this.federationName;
	}

}
