package org.caringmothers.account;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationLevel;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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

	private final AccountRepository accounts;

	private final FederationService federations;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

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
		Map<Role, Long> counts = new EnumMap<>(Role.class);
		for (Object[] row : this.accounts.countByRole(federation.getPath() + "%")) {
			counts.put((Role) row[0], (Long) row[1]);
		}
		return counts;
	}

	@Transactional
	public Account create(AccountForm form, CurrentUser actor) {
		String username = form.getUsername().trim().toLowerCase(Locale.ROOT);
		Federation federation = checkRoleAndFederation(form, actor);
		if (this.accounts.existsByUsername(username)) {
			throw new RuleViolationException("username", "account.username.duplicate");
		}
		String passwordProblem = PasswordPolicy.problem(form.getInitialPassword(), username);
		if (passwordProblem != null) {
			throw new RuleViolationException("initialPassword", passwordProblem);
		}
		try {
			return this.accounts.saveAndFlush(new Account(username, form.getDisplayName().trim(),
					this.passwordEncoder.encode(form.getInitialPassword()), form.getRole(), federation, true,
					actor.id()));
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("username", "account.username.duplicate");
		}
	}

	@Transactional
	public Account update(long id, AccountForm form, CurrentUser actor) {
		Account account = get(id, actor);
		if (form.getVersion() == null || form.getVersion() != account.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(Account.class, id);
		}
		Federation federation = checkRoleAndFederation(form, actor);
		if (account.getId() == actor.id() && form.getRole() != account.getRole()) {
			throw new RuleViolationException("role", "account.role.ownRole");
		}
		account.update(form.getDisplayName().trim(), form.getRole(), federation);
		return this.accounts.saveAndFlush(account);
	}

	@Transactional
	public Account setEnabled(long id, boolean enabled, CurrentUser actor) {
		Account account = get(id, actor);
		if (!enabled && account.getId() == actor.id()) {
			throw new RuleViolationException("enabled", "account.disable.self");
		}
		account.enable(enabled);
		return account;
	}

	@Transactional
	public void resetPassword(long id, PasswordResetForm form, CurrentUser actor) {
		Account account = get(id, actor);
		String problem = PasswordPolicy.problem(form.getTemporaryPassword(), account.getUsername());
		if (problem != null) {
			throw new RuleViolationException("temporaryPassword", problem);
		}
		account.changePassword(this.passwordEncoder.encode(form.getTemporaryPassword()), account.getId() != actor.id());
	}

	/** The signed-in user changes her own password. */
	@Transactional
	public void changeOwnPassword(CurrentUser user, PasswordChangeForm form) {
		Account account = this.accounts.findById(user.id()).orElseThrow(() -> new NotFoundException("account"));
		if (!this.passwordEncoder.matches(form.getCurrentPassword(), account.getPasswordHash())) {
			throw new RuleViolationException("currentPassword", "password.currentWrong");
		}
		if (!form.getNewPassword().equals(form.getConfirmPassword())) {
			throw new RuleViolationException("confirmPassword", "password.mismatch");
		}
		if (form.getNewPassword().equals(form.getCurrentPassword())) {
			throw new RuleViolationException("newPassword", "password.unchanged");
		}
		String problem = PasswordPolicy.problem(form.getNewPassword(), account.getUsername());
		if (problem != null) {
			throw new RuleViolationException("newPassword", problem);
		}
		account.changePassword(this.passwordEncoder.encode(form.getNewPassword()), false);
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

	public long count() {
		return this.accounts.count();
	}

	@Transactional
	void recordSuccess(String username) {
		Instant now = this.clock.instant();
		this.accounts.findByUsername(username).ifPresent(account -> account.signedIn(now));
	}

	@Transactional
	void recordFailure(String username) {
		Instant now = this.clock.instant();
		this.accounts.findByUsername(username).ifPresent(account -> account.failedSignIn(now));
	}

	private Federation checkRoleAndFederation(AccountForm form, CurrentUser actor) {
		if (!manageableRoles(actor).contains(form.getRole())) {
			throw new RuleViolationException("role", "account.role.notAllowed");
		}
		Federation federation = this.federations.findByCode(form.getFederationCode(), Scope.of(actor))
			.orElseThrow(() -> new RuleViolationException("federationCode", "account.federation.unknown"));
		if (!LEVELS.get(form.getRole()).contains(federation.getLevel())) {
			throw new RuleViolationException("federationCode", "account.federation.levelForRole");
		}
		return federation;
	}

}
