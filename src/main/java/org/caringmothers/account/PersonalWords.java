package org.caringmothers.account;

import java.util.List;

/**
 * What other modules know of an account's person that her password must not contain (the
 * phone number on a caring mother's volunteer record): a password made of one's own
 * number is the first thing anyone who knows her would try.
 */
public interface PersonalWords {

	/** The words of the person behind this account; empty when this module knows none. */
	List<String> of(long accountId);

}
