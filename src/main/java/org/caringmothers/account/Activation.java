package org.caringmothers.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * A one-time activation code just issued: shown once, on the slip, and never stored in
 * clear.
 *
 * @param accountId the account it activates
 * @param username the sign-in name printed beside it
 * @param code the code, grouped for printing ({@code 1234 5678})
 * @param expiresAt when it stops working
 */
public record Activation(long accountId, String username, String code, Instant expiresAt) implements Serializable {

}
