package org.caringmothers.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.privacy.ProtectedColumn;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.QrCode;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: a TOTP authenticator app (RFC 6238), required for ADMIN, OFFICIAL
 * and STAFF and optional for caring mothers, with ten one-time recovery codes. The secret
 * is kept encrypted like identity numbers; each code is accepted once (the last used time
 * step is kept); wrong codes count towards the account's lock-out and the address's
 * pause.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class SecondFactorService {

	static final int RECOVERY_CODES = 10;

	private static final String ISSUER = "爱心妈妈";

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final SensitiveDataCipher cipher;

	private final Clock clock;

	private final AuditService audit;

	private final SessionRevocation sessions;

	private final AddressThrottle addresses;

	private final AccountService accountService;

	/**
	 * What the enrolment page shows: the QR code for an authenticator app and the same
	 * secret as text.
	 */
	public record Enrolment(QrCode qr, String secret) {
	}

	/** The second factor of an account as its own page shows it. */
	public record Status(boolean enrolled, Instant enrolledAt, int recoveryCodesLeft) {
	}

	public Status status(CurrentUser user) {
		Account account = account(user.id());
		return new Status(account.getTotpEnrolledAt() != null, account.getTotpEnrolledAt(),
				this.accounts.unusedRecoveryCodes(account.getId()));
	}

	/**
	 * The secret being enrolled, made (and stored encrypted) on the first visit of the
	 * enrolment page and shown again until confirmed.
	 */
	@Transactional
	public Enrolment startEnrolment(CurrentUser user) {
		Account account = account(user.id());
		RuleViolationException.refuseIf(account.getTotpEnrolledAt() != null, "code", "secondFactor.alreadyEnrolled");
		byte[] secret;
		if (account.totpSecretCipher() == null) {
			secret = Totp.newSecret();
			account.startEnrolment(this.cipher.encrypt(ProtectedColumn.ACCOUNT_TOTP_SECRET, Totp.base32(secret)));
		}
		else {
			secret = secret(account);
		}
		return new Enrolment(QrCode.of(Totp.uri(ISSUER, account.getUsername(), secret)), Totp.grouped(secret));
	}

	/**
	 * Confirms the enrolment with a first code from the app.
	 * @return the ten recovery codes, shown once (only their hashes are kept)
	 */
	@Transactional(noRollbackFor = RuleViolationException.class)
	public List<String> confirmEnrolment(CurrentUser user, String code, String address) {
		Account account = account(user.id());
		RuleViolationException.refuseIf(account.getTotpEnrolledAt() != null, "code", "secondFactor.alreadyEnrolled");
		RuleViolationException.refuseIf(account.totpSecretCipher() == null, "code", "secondFactor.wrong");
		Instant now = this.clock.instant();
		refuseWhenLocked(account, now);
		long step = Totp.matchingStep(secret(account), normalise(code), now.getEpochSecond(), null);
		if (step < 0) {
			wrong(account, now, address, "wrong code at enrolment");
		}
		account.enrolled(now);
		this.accounts.saveAndFlush(account);
		this.accounts.useTotpStep(account.getId(), step);
		this.accounts.deleteRecoveryCodes(account.getId());
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			this.accounts.addRecoveryCode(account.getId(), hash(recovery));
		}
		this.audit.recordAs(account.getId(), account.getUsername(), AuditAction.SECOND_FACTOR, AccountService.RECORD,
				account.getId(),
				account.getUsername() + ": authenticator enrolled, " + RECOVERY_CODES + " recovery codes issued");
		if (user.pendingStep() != null) {
			this.accounts.signedIn(account.getUsername(), now);
		}
		return codes;
	}

	/**
	 * Checks the code of a user whose password matched: six digits from her app (each
	 * time step once) or one of her recovery codes (each once).
	 */
	@Transactional(noRollbackFor = RuleViolationException.class)
	public void verify(CurrentUser user, String code, String address) {
		Account account = account(user.id());
		Instant now = this.clock.instant();
		refuseWhenLocked(account, now);
		RuleViolationException.refuseIf(account.getTotpEnrolledAt() == null, "code", "secondFactor.wrong");
		String typed = normalise(code);
		long step = Totp.matchingStep(secret(account), typed, now.getEpochSecond(), null);
		if (step >= 0) {
			if (this.accounts.useTotpStep(account.getId(), step) == 1) {
				passed(account, now, "code from the authenticator accepted");
				return;
			}
			wrong(account, now, address, "code already used (replay refused)");
		}
		if (typed != null && typed.length() == 10
				&& this.accounts.useRecoveryCode(account.getId(), hash(typed), now) == 1) {
			passed(account, now, "recovery code used, " + this.accounts.unusedRecoveryCodes(account.getId()) + " left");
			return;
		}
		wrong(account, now, address, "wrong code");
	}

	/**
	 * An administrator removes a user's second factor (a lost phone): the user enrols
	 * again at the next sign-in, and every session of hers ends now.
	 */
	@Transactional
	public void reset(long accountId, CurrentUser actor) {
		if (!actor.isAdmin()) {
			throw new AccessDeniedException("Only administrators reset a second factor");
		}
		Account account = this.accountService.get(accountId, actor);
		account.resetSecondFactor();
		this.sessions.revoke(account, false, "second factor reset by " + actor.getUsername());
		this.accounts.saveAndFlush(account);
		this.accounts.forgetTotpStep(account.getId());
		this.accounts.deleteRecoveryCodes(account.getId());
		this.audit.record(AuditAction.SECOND_FACTOR, AccountService.RECORD, account.getId(),
				account.getUsername() + ": second factor reset by " + actor.getUsername());
	}

	private void passed(Account account, Instant now, String summary) {
		this.accounts.signedIn(account.getUsername(), now);
		this.audit.recordAs(account.getId(), account.getUsername(), AuditAction.SECOND_FACTOR, AccountService.RECORD,
				account.getId(), account.getUsername() + ": " + summary);
	}

	private void wrong(Account account, Instant now, String address, String summary) {
		this.accounts.failedSignIn(account.getUsername(), Account.MAX_FAILED_ATTEMPTS,
				now.plusSeconds(Account.LOCK_MINUTES * 60));
		this.audit.recordAs(account.getId(), account.getUsername(), AuditAction.SIGN_IN_FAILED, AccountService.RECORD,
				account.getId(), account.getUsername() + ": second factor, " + summary);
		boolean locked = this.accounts.idAndFailedAttempts(account.getUsername())
			.stream()
			.anyMatch(row -> ((Number) row[1]).intValue() % Account.MAX_FAILED_ATTEMPTS == 0);
		if (locked) {
			this.audit.recordAs(account.getId(), account.getUsername(), AuditAction.LOCKED_OUT, AccountService.RECORD,
					account.getId(), "locked for " + Account.LOCK_MINUTES + " minutes after "
							+ Account.MAX_FAILED_ATTEMPTS + " failures (second factor)");
		}
		this.addresses.failed(address, account.getUsername());
		throw new RuleViolationException("code", locked ? "secondFactor.locked" : "secondFactor.wrong");
	}

	private void refuseWhenLocked(Account account, Instant now) {
		RuleViolationException.refuseIf(account.lockedAt(now), "code", "secondFactor.locked");
	}

	private Account account(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
	}

	private byte[] secret(Account account) {
		return Totp.fromBase32(this.cipher.decrypt(ProtectedColumn.ACCOUNT_TOTP_SECRET, account.totpSecretCipher()));
	}

	/**
	 * Digits and letters only, lower case: spaces and dashes typed or copied are dropped.
	 */
	static String normalise(String code) {
		if (code == null) {
			return null;
		}
		String clean = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		return (clean.isEmpty() || clean.length() > 20) ? null : clean;
	}

	private static String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	/** How a recovery code is shown: two groups of five. */
	public static String display(String code) {
		return code.substring(0, 5) + "-" + code.substring(5);
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
