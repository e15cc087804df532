/**
 * Accounts, roles and sign-in: the account records, the password policy and lock-out,
 * first-sign-in password change, account administration within a federation subtree, and
 * the web security configuration. Account changes and activations are recorded in the
 * access log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "federation", "audit" })
package org.caringmothers.account;
