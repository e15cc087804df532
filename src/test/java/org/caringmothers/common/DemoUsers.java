package org.caringmothers.common;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs MockMvc requests in as one of the accounts in the database. */
public final class DemoUsers {

	public static final String ADMIN = "admin";

	public static final String XINZHOU_OFFICIAL = "xinzhou.official";

	public static final String SHENCHI_STAFF = "shenchi.staff";

	public static final String LOUFAN_STAFF = "loufan.staff";

	public static final String LOUFAN_MOTHER = "loufan.mother";

	public static final String PASSWORD = "aixin-demo-2026";

	private final UserDetailsService users;

	public DemoUsers(UserDetailsService users) {
		this.users = users;
	}

	public RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(this.users.loadUserByUsername(username));
	}

}
