package org.caringmothers.account;

import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.security.Role;

/** The account list's filters, bound from the query string. */
@Getter
@Setter
public class AccountFilter {

	private String q;

	private Role role;

	private String federationCode;

	private Boolean enabled;

}
