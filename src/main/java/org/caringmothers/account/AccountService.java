package org.caringmothers.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.persistence.Versions;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.persistence.GroupCounts;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationLevel;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and the rules about them: who may manage whom (ADMIN everyone in scope, STAFF
 * the STAFF and VOLUNTEER accounts of their subtree), which federation level suits which
 * role, the password policy, lock-out and first-sign-in password change.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class AccountService {

	private static final Map<Role, Set<FederationLevel>> LEVELS = new EnumMap<>(
			Map.of(Role.ADMIN, EnumSet.allOf(FederationLevel.class), Role.OFFICIAL,
					EnumSet.of(FederationLevel.PROVINCE, FederationLevel.CITY), Role.STAFF,
					EnumSet.of(FederationLevel.COUNTY, FederationLevel.TOWNSHIP), Role.VOLUNTEER,
					EnumSet.of(FederationLevel.COUNTY, FederationLevel.TOWNSHIP, FederationLevel.VILLAGE)));

	static final String RECORD = "ACCOUNT";

	static final String USERNAME_PATTERN = "^[a-z0-9][a-z0-9._-]{2,39}$";

	private final AccountRepository accounts;

	private final FederationService federations;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final ObjectProvider<PersonalWords> personalWords;

	private final AuditService audit;

	private final GroupCounts counts;

	private final SessionRevocation sessions;

	@Value("${caringmothers.account.activation-days:7}")
	private int activationDays = 7;

	/** The roles an actor may give and manage. */
	public static Set<Role> manageableRoles(CurrentUser actor) {
		return switch (actor.role()) {
			case ADMIN -> EnumSet.allOf(Role.class);
			case STAFF -> EnumSet.of(Role.STAFF, Role.VOLUNTEER);
			default -> EnumSet.noneOf(Role.class);
		};
	}

	public Page<Account> list(AccountFilter filter, CurrentUser actor, Pageable pageable) {
		Scope scope = Scope.of(actor);
		Specification<Account> spec = scope.where("federation");
		Set<Role> visibleRoles = manageableRoles(actor);
		spec = spec.and((root, query, builder) -> root.get("role").in(visibleRoles));
		if (filter.getQ() != null && !filter.getQ().isBlank()) {
			String needle = "%" + filter.getQ().trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_")
					+ "%";
			spec = spec
				.and((root, query, builder) -> builder.or(builder.like(builder.lower(root.get("username")), needle),
						builder.like(builder.lower(root.get("displayName")), needle)));
		}
		if (filter.getRole() != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("role"), filter.getRole()));
		}
		if (filter.getEnabled() != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("enabled"), filter.getEnabled()));
		}
		if (filter.getFederationCode() != null && !filter.getFederationCode().isBlank()) {
			Scope narrower = this.federations.findByCode(filter.getFederationCode(), scope).map(Scope::of).orElse(null);
			if (narrower == null) {
				return Page.empty(pageable);
			}
			spec = spec.and(narrower.where("federation"));
		}
		return this.accounts.findAll(spec.and(Scope.fetching("federation")), pageable);
	}

	/** An account the actor may manage; 404 when it does not exist or lies outside. */
	public Account get(long id, CurrentUser actor) {
		Scope scope = Scope.of(actor);
		return this.accounts.findById(id)
			.filter(account -> scope.covers(account.getFederation()))
			.filter(account -> manageableRoles(actor).contains(account.getRole()))
			.orElseThrow(() -> new NotFoundException("account " + id));
	}

	public Map<Role, Long> countByRole(Federation federation) {
		return this.counts.countBy(Account.class, "role", Role.class, Scope.of(federation).where("federation"));
	}

	@Transactional
	public Account create(AccountForm form, CurrentUser actor) {
		String username = form.getUsername().trim().toLowerCase(Locale.ROOT);
		Federation federation = checkAll(form, null, actor);
		try {
			Account account = this.accounts.saveAndFlush(new Account(username, form.getDisplayName().trim(),
					this.passwordEncoder.encode(form.getInitialPassword()), form.getRole(), federation, true,
					actor.id()));
			audit(AuditAction.CREATE, account, account.getRole() + " at " + federation.getCode());
			return account;
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("username", "account.username.duplicate");
		}
	}

	@Transactional
	public Account update(long id, AccountForm form, CurrentUser actor) {
		Account account = get(id, actor);
		Versions.check(form.getVersion(), account.getVersion(), Account.class, id);
		Federation federation = checkAll(form, account, actor);
		String before = account.getRole() + " at " + account.getFederation().getCode();
		boolean reach = form.getRole() != account.getRole()
				|| !federation.getId().equals(account.getFederation().getId());
		account.update(form.getDisplayName().trim(), form.getRole(), federation);
		if (reach) {
			this.sessions.revoke(account, false, "role or federation changed");
		}
		Account saved = this.accounts.saveAndFlush(account);
		audit(AuditAction.UPDATE, saved, before + " -> " + saved.getRole() + " at " + federation.getCode());
		return saved;
	}

	@Transactional
	public Account setEnabled(long id, boolean enabled, CurrentUser actor) {
		Account account = get(id, actor);
		if (!enabled && account.getId() == actor.id()) {
			throw new RuleViolationException("enabled", "account.disable.self");
		}
		// a mother's account follows her volunteer record: it comes back only when she is
		// reinstated there (a disabled one may also be replaced there)
		RuleViolationException.refuseIf(enabled && account.getRole() == Role.VOLUNTEER, "enabled",
				"account.enable.volunteerFromRecord");
		account.enable(enabled);
		if (!enabled) {
			this.sessions.revoke(account, false, "disabled");
		}
		audit(AuditAction.STATUS, account, enabled ? "enabled" : "disabled");
		return account;
	}

	@Transactional
	public void resetPassword(long id, PasswordResetForm form, CurrentUser actor) {
		Account account = get(id, actor);
		if (account.getId() == actor.id()) {
			throw new RuleViolationException("temporaryPassword", "account.resetPassword.self");
		}
		String problem = passwordProblem(form.getTemporaryPassword(), account);
		if (problem != null) {
			throw new RuleViolationException("temporaryPassword", problem);
		}
		account.changePassword(this.passwordEncoder.encode(form.getTemporaryPassword()), true);
		this.sessions.revoke(account, false, "password reset by " + actor.getUsername());
		audit(AuditAction.UPDATE, account, "password reset by " + actor.getUsername());
	}

	/**
	 * The signed-in user changes her own password; her other sessions end.
	 * @return the account's new session generation, for the session she keeps
	 */
	@Transactional
	public long changeOwnPassword(CurrentUser user, PasswordChangeForm form) {
		Account account = this.accounts.findById(user.id()).orElseThrow(() -> new NotFoundException("account"));
		checkPasswordChange(form, account);
		account.changePassword(this.passwordEncoder.encode(form.getNewPassword()), false);
		long generation = this.sessions.revoke(account, true, "own password changed");
		audit(AuditAction.UPDATE, account, "own password changed");
		return generation;
	}

	/**
	 * Checks the rules of a password change that is shown again anyway (it has other
	 * errors), so that every problem is reported in one round; changes nothing.
	 */
	@Transactional(readOnly = true)
	public void checkPasswordChange(CurrentUser user, PasswordChangeForm form) {
		checkPasswordChange(form,
				this.accounts.findById(user.id()).orElseThrow(() -> new NotFoundException("account")));
	}

	private void checkPasswordChange(PasswordChangeForm form, Account account) {
		String current = form.getCurrentPassword();
		String next = form.getNewPassword();
		RuleViolationException.refuseAll(
				() -> RuleViolationException.refuseIf(
						current == null || !this.passwordEncoder.matches(current, account.getPasswordHash()),
						"currentPassword", "password.currentWrong"),
				() -> RuleViolationException.refuseIf(next != null && !next.equals(form.getConfirmPassword()),
						"confirmPassword", "password.mismatch"),
				() -> RuleViolationException.refuseIf(next != null && next.equals(current), "newPassword",
						"password.unchanged"),
				() -> {
					String problem = next == null ? null : passwordProblem(next, account);
					RuleViolationException.refuseIf(problem != null, "newPassword", problem);
				});
	}

	/** A free sign-in name for a person of this name: her name's pinyin and digits. */
	public String proposeUsername(String name) {
		return UsernameProposer.propose(name, this.accounts::existsByUsername);
	}

	/**
	 * Creates the VOLUNTEER account of a caring mother or reserve whose record the actor
	 * may manage, with a one-time activation code instead of a password: nobody knows a
	 * password of it until she sets her own with the code.
	 * @param username the sign-in name (checked for its shape by the form, here for being
	 * free)
	 * @param federation her home federation, already checked against the actor's scope
	 */
	@Transactional
	public Activation createForVolunteer(String username, String displayName, Federation federation,
			CurrentUser actor) {
		if (!manageableRoles(actor).contains(Role.VOLUNTEER) || !Scope.of(actor).covers(federation)) {
			throw new RuleViolationException("username", "account.role.notAllowed");
		}
		if (!LEVELS.get(Role.VOLUNTEER).contains(federation.getLevel())) {
			throw new RuleViolationException("username", "account.federation.levelForRole");
		}
		String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		if (!normalised.matches(USERNAME_PATTERN)) {
			throw new RuleViolationException("username", "account.username.pattern");
		}
		if (this.accounts.existsByUsername(normalised)) {
			throw new RuleViolationException("username", "account.username.duplicate");
		}
		Account account;
		try {
			account = this.accounts.saveAndFlush(new Account(normalised, displayName,
					this.passwordEncoder.encode(ActivationCodes.generate() + UUID.randomUUID()), Role.VOLUNTEER,
					federation, false, actor.id()));
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("username", "account.username.duplicate");
		}
		audit(AuditAction.CREATE, account, "VOLUNTEER at " + federation.getCode() + " with an activation code");
		return issue(account);
	}

	/**
	 * A new activation code for a volunteer's account, replacing any earlier one (lost,
	 * expired, or a forgotten password); her current password keeps working until she
	 * uses it.
	 */
	@Transactional
	public Activation reissueActivation(long accountId, CurrentUser actor) {
		Account account = get(accountId, actor);
		if (account.getRole() != Role.VOLUNTEER) {
			throw new NotFoundException("volunteer account " + accountId);
		}
		if (!account.isEnabled()) {
			throw new RuleViolationException(null, "account.activation.disabled");
		}
		audit(AuditAction.UPDATE, account, "activation code reissued");
		return issue(account);
	}

	/**
	 * Enables or disables a volunteer's account as her record's status changes (withdrawn
	 * or suspended: disabled; reinstated: enabled). The volunteer module has checked the
	 * actor.
	 * @return whether anything changed
	 */
	@Transactional
	public boolean setVolunteerAccountEnabled(long accountId, boolean enabled) {
		Account account = this.accounts.findById(accountId)
			.filter(found -> found.getRole() == Role.VOLUNTEER)
			.orElseThrow(() -> new NotFoundException("volunteer account " + accountId));
		if (account.isEnabled() == enabled) {
			return false;
		}
		account.enable(enabled);
		if (!enabled) {
			this.sessions.revoke(account, false, "disabled with her volunteer record");
		}
		audit(AuditAction.STATUS, account,
				enabled ? "enabled with her volunteer record" : "disabled with her volunteer record");
		return true;
	}

	/**
	 * A volunteer's account follows her record: her name and her home federation, so that
	 * what she sees on her phone is bounded by where she now serves.
	 */
	@Transactional
	public void followVolunteer(long accountId, String displayName, Federation federation) {
		Account account = this.accounts.findById(accountId)
			.filter(found -> found.getRole() == Role.VOLUNTEER)
			.orElseThrow(() -> new NotFoundException("volunteer account " + accountId));
		if (!account.getDisplayName().equals(displayName)
				|| !account.getFederation().getId().equals(federation.getId())) {
			boolean moved = !account.getFederation().getId().equals(federation.getId());
			account.update(displayName, Role.VOLUNTEER, federation);
			if (moved) {
				this.sessions.revoke(account, false, "federation changed with her volunteer record");
			}
		}
	}

	/** A volunteer's sign-in account as her page shows it. */
	public Optional<SignInAccount> signInAccount(Long accountId) {
		if (accountId == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.accounts.findById(accountId)
			.map(account -> new SignInAccount(account.getId(), account.getUsername(), account.isEnabled(),
					account.activationPendingAt(now), account.getActivationExpiresAt(),
					account.getLastLoginAt() != null, account.getLastLoginAt()));
	}

	/**
	 * She exchanges her activation code for her own password. Any wrong code counts
	 * towards the account's lock-out, and every refusal says the same, so that the page
	 * tells nobody which accounts exist.
	 * @return the activated account's username
	 */
	@Transactional(noRollbackFor = RuleViolationException.class)
	public String activate(ActivationForm form) {
		Instant now = this.clock.instant();
		String username = form.getUsername() == null ? "" : form.getUsername().trim().toLowerCase(Locale.ROOT);
		Account account = this.accounts.findByUsername(username).orElse(null);
		String code = ActivationCodes.normalise(form.getCode());
		if (account == null || !account.isEnabled() || account.lockedAt(now) || !account.activationPendingAt(now)
				|| code == null || !this.passwordEncoder.matches(code, account.activationCodeHash())) {
			if (account != null && !account.lockedAt(now)) {
				this.accounts.failedSignIn(account.getUsername(), Account.MAX_FAILED_ATTEMPTS,
						now.plusSeconds(Account.LOCK_MINUTES * 60));
			}
			throw new RuleViolationException("code", "activation.invalid");
		}
		if (!form.getNewPassword().equals(form.getConfirmPassword())) {
			throw new RuleViolationException("confirmPassword", "password.mismatch");
		}
		String problem = passwordProblem(form.getNewPassword(), account);
		if (problem != null) {
			throw new RuleViolationException("newPassword", problem);
		}
		account.activate(this.passwordEncoder.encode(form.getNewPassword()), now);
		this.sessions.revoke(account, false, "password set with an activation code");
		audit(AuditAction.UPDATE, account, "activated with a one-time code");
		return account.getUsername();
	}

	private void audit(AuditAction action, Account account, String summary) {
		this.audit.record(action, RECORD, account.getId(), account.getUsername() + ": " + summary);
	}

	private String passwordProblem(String password, Account account) {
		List<String> words = new ArrayList<>(List.of(account.getUsername(), account.getDisplayName()));
		this.personalWords.forEach(source -> words.addAll(source.of(account.getId())));
		return PasswordPolicy.problem(password, words.toArray(String[]::new));
	}

	private Activation issue(Account account) {
		String code = ActivationCodes.generate();
		Instant expiresAt = this.clock.instant().plus(Duration.ofDays(this.activationDays));
		account.issueActivation(this.passwordEncoder.encode(code), expiresAt);
		this.accounts.saveAndFlush(account);
		return new Activation(account.getId(), account.getUsername(), ActivationCodes.display(code), expiresAt);
	}

	/**
	 * Creates an account outside any user's request (demo data, first administrator)
	 * unless one with this username exists.
	 * @return {@code true} when the account was created
	 */
	@Transactional
	public boolean createIfAbsent(String username, String displayName, Role role, String federationCode,
			String rawPassword, boolean mustChangePassword) {
		if (this.accounts.existsByUsername(username)) {
			return false;
		}
		Federation federation = this.federations.findByCode(federationCode)
			.orElseThrow(() -> new IllegalStateException("No federation " + federationCode));
		this.accounts.save(new Account(username, displayName, this.passwordEncoder.encode(rawPassword), role,
				federation, mustChangePassword, null));
		return true;
	}

	/**
	 * Marks an account of the embedded demo database as signing in with its password
	 * alone (the demo stays one password away); called by the demo loader only.
	 */
	@Transactional
	public void exemptFromSecondFactor(String username) {
		this.accounts.findByUsername(username).ifPresent(Account::exemptFromSecondFactor);
	}

	public long count() {
		return this.accounts.count();
	}

	/**
	 * Sign-in bookkeeping as one atomic update of its own: it never conflicts with itself
	 * or with an edit of the account, however many devices sign in at once.
	 */
	@Transactional
	void recordSuccess(String username) {
		this.accounts.signedIn(username, this.clock.instant());
	}

	/**
	 * Counts a failed sign-in, exactly, and locks the account for
	 * {@link Account#LOCK_MINUTES} minutes at every {@link Account#MAX_FAILED_ATTEMPTS}th
	 * failure in a row.
	 */
	@Transactional
	void recordFailure(String username) {
		Instant now = this.clock.instant();
		this.accounts.failedSignIn(username, Account.MAX_FAILED_ATTEMPTS, now.plusSeconds(Account.LOCK_MINUTES * 60));
		Long id = null;
		boolean locked = false;
		for (Object[] row : this.accounts.idAndFailedAttempts(username)) {
			id = ((Number) row[0]).longValue();
			int failures = ((Number) row[1]).intValue();
			locked = failures % Account.MAX_FAILED_ATTEMPTS == 0;
		}
		this.audit.recordAs(id, username, AuditAction.SIGN_IN_FAILED, RECORD, id, "bad credentials");
		if (locked) {
			this.audit.recordAs(id, username, AuditAction.LOCKED_OUT, RECORD, id, "locked for " + Account.LOCK_MINUTES
					+ " minutes after " + Account.MAX_FAILED_ATTEMPTS + " failures");
		}
	}

	/**
	 * Checks the rules of a form that is shown again anyway (it has other errors), so
	 * that every problem is reported in one round; saves nothing.
	 * @param id the account edited, or null for a new one
	 */
	@Transactional(readOnly = true)
	public void checkForm(AccountForm form, Long id, CurrentUser actor) {
		checkAll(form, id == null ? null : get(id, actor), actor);
	}

	/** Every rule of the account form, all broken rules reported together. */
	private Federation checkAll(AccountForm form, Account existing, CurrentUser actor) {
		Federation[] federation = new Federation[1];
		Role role = form.getRole();
		List<Runnable> rules = new ArrayList<>();
		if (existing == null) {
			rules.add(() -> RuleViolationException.refuseIf(role == Role.VOLUNTEER, "role",
					"account.role.volunteerFromRecord"));
		}
		else {
			rules.add(() -> RuleViolationException.refuseIf(
					existing.getId() == actor.id() && role != null && role != existing.getRole(), "role",
					"account.role.ownRole"));
			rules.add(() -> RuleViolationException.refuseIf(
					role != null && role != existing.getRole()
							&& (role == Role.VOLUNTEER || existing.getRole() == Role.VOLUNTEER),
					"role", "account.role.volunteerFromRecord"));
		}
		rules.add(() -> RuleViolationException.refuseIf(role != null && !manageableRoles(actor).contains(role), "role",
				"account.role.notAllowed"));
		rules.add(() -> {
			federation[0] = this.federations.findByCode(form.getFederationCode(), Scope.of(actor))
				.orElseThrow(() -> new RuleViolationException("federationCode", "account.federation.unknown"));
			RuleViolationException.refuseIf(role != null && !LEVELS.get(role).contains(federation[0].getLevel()),
					"federationCode", "account.federation.levelForRole");
		});
		if (existing == null && form.getUsername() != null && !form.getUsername().isBlank()) {
			String username = form.getUsername().trim().toLowerCase(Locale.ROOT);
			rules.add(() -> RuleViolationException.refuseIf(this.accounts.existsByUsername(username), "username",
					"account.username.duplicate"));
			rules.add(() -> {
				String problem = form.getInitialPassword() == null ? null
						: PasswordPolicy.problem(form.getInitialPassword(), username, form.getDisplayName());
				RuleViolationException.refuseIf(problem != null, "initialPassword", problem);
			});
		}
		RuleViolationException.refuseAll(rules.toArray(Runnable[]::new));
		return federation[0];
	}

}
