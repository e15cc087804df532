package org.caringmothers.account;

import java.time.Instant;

/**
 * What a volunteer's page shows of her sign-in account.
 *
 * @param id the account
 * @param username her sign-in name
 * @param enabled whether she can sign in
 * @param activationPending whether an activation code is outstanding and unexpired
 * @param activationExpiresAt when the outstanding code expires, or {@code null}
 * @param activated whether she has set her own password with a code (or signed in)
 * @param lastLoginAt her last sign-in, or {@code null}
 */
public record SignInAccount(long id, String username, boolean enabled, boolean activationPending,
		Instant activationExpiresAt, boolean activated, Instant lastLoginAt) {

}
