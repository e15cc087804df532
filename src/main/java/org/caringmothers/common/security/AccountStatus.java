package org.caringmothers.common.security;

/**
 * Whether a signed-in account may still be used. A session lives on after staff disable
 * the account; what a session keeps elsewhere (a phone's offline copy) asks here.
 */
public interface AccountStatus {

	/** Whether the account exists and is enabled now. */
	boolean isEnabled(long accountId);

}
