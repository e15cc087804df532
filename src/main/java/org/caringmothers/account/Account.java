package org.caringmothers.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.security.Role;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationRecord;

/** A user account: one role, one federation whose subtree bounds what it sees. */
@Entity
@Table(name = "app_user")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Account extends FederationRecord {

	static final int MAX_FAILED_ATTEMPTS = 6;

	static final long LOCK_MINUTES = 15;

	@Column(nullable = false, updatable = false)
	private String username;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean enabled;

	private boolean mustChangePassword;

	private int failedAttempts;

	private Instant lockedUntil;

	private Instant lastLoginAt;

	/** Hash of the one-time activation code, while one is outstanding. */
	@Getter(AccessLevel.NONE)
	private String activationCodeHash;

	private Instant activationExpiresAt;

	/** Raised whenever the account's open sessions must end. */
	private long sessionGeneration;

	/** The TOTP secret, encrypted; pending until {@link #totpEnrolledAt} is set. */
	@Getter(AccessLevel.NONE)
	private String totpSecretCipher;

	private Instant totpEnrolledAt;

	private boolean secondFactorExempt;

	Account(String username, String displayName, String passwordHash, Role role, Federation federation,
			boolean mustChangePassword, Long createdBy) {
		super(createdBy);
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		placeIn(federation);
		this.enabled = true;
		this.mustChangePassword = mustChangePassword;
	}

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	void failedSignIn(Instant now) {
		this.failedAttempts++;
		if (this.failedAttempts % MAX_FAILED_ATTEMPTS == 0) {
			this.lockedUntil = now.plusSeconds(LOCK_MINUTES * 60);
		}
	}

	void changePassword(String passwordHash, boolean mustChange) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChange;
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	void update(String displayName, Role role, Federation federation) {
		this.displayName = displayName;
		this.role = role;
		placeIn(federation);
	}

	void enable(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Replaces any outstanding activation code by a new one, valid until
	 * {@code expiresAt}.
	 */
	void issueActivation(String codeHash, Instant expiresAt) {
		this.activationCodeHash = codeHash;
		this.activationExpiresAt = expiresAt;
	}

	/** Whether an activation code is outstanding and not yet expired. */
	public boolean activationPendingAt(Instant now) {
		return this.activationCodeHash != null && this.activationExpiresAt.isAfter(now);
	}

	String activationCodeHash() {
		return this.activationCodeHash;
	}

	/** Ends every open session of the account at its next request. */
	void revokeSessions() {
		this.sessionGeneration++;
	}

	/**
	 * What the account must still do after its password matched: give a code when it has
	 * a second factor; enrol one when its role requires it (ADMIN, OFFICIAL, STAFF) and
	 * it is not a demo account; nothing otherwise.
	 */
	org.caringmothers.common.security.SecondFactorStep stepAfterPassword() {
		if (this.totpEnrolledAt != null) {
			return org.caringmothers.common.security.SecondFactorStep.CODE;
		}
		if (this.secondFactorExempt || this.role == Role.VOLUNTEER) {
			return null;
		}
		return org.caringmothers.common.security.SecondFactorStep.ENROL;
	}

	String totpSecretCipher() {
		return this.totpSecretCipher;
	}

	void startEnrolment(String secretCipher) {
		this.totpSecretCipher = secretCipher;
		this.totpEnrolledAt = null;
	}

	void enrolled(Instant now) {
		this.totpEnrolledAt = now;
	}

	void resetSecondFactor() {
		this.totpSecretCipher = null;
		this.totpEnrolledAt = null;
	}

	void exemptFromSecondFactor() {
		this.secondFactorExempt = true;
	}

	/** The code was exchanged for her own password: it can never be used again. */
	void activate(String passwordHash, Instant now) {
		changePassword(passwordHash, false);
		this.activationCodeHash = null;
		this.activationExpiresAt = null;
		this.lastLoginAt = now;
	}

}
