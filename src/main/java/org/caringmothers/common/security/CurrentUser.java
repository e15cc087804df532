package org.caringmothers.common.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as every module sees it: who, which role, and which federation
 * (by id and materialised path) bounds what the account may see.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String username;

	private String password;

	private final String displayName;

	private final Role role;

	private final long federationId;

	private final String federationName;

	private final String federationPath;

	private final boolean enabled;

	private final boolean locked;

	private final boolean mustChangePassword;

	private final long sessionGeneration;

	private final SecondFactorStep pendingStep;

	public CurrentUser(long id, String username, String password, String displayName, Role role, long federationId,
			String federationName, String federationPath, boolean enabled, boolean locked, boolean mustChangePassword) {
		this(id, username, password, displayName, role, federationId, federationName, federationPath, enabled, locked,
				mustChangePassword, 0, null);
	}

	/**
	 * @param sessionGeneration the account's session generation when it signed in: a
	 * session whose generation is older than the account's was revoked
	 * @param pendingStep the second-factor step still to take after the password, or
	 * {@code null} when none is (then the user has her role's authority)
	 */
	public CurrentUser(long id, String username, String password, String displayName, Role role, long federationId,
			String federationName, String federationPath, boolean enabled, boolean locked, boolean mustChangePassword,
			long sessionGeneration, SecondFactorStep pendingStep) {
		this.sessionGeneration = sessionGeneration;
		this.pendingStep = pendingStep;
		this.id = id;
		this.username = username;
		this.password = password;
		this.displayName = displayName;
		this.role = role;
		this.federationId = federationId;
		this.federationName = federationName;
		this.federationPath = federationPath;
		this.enabled = enabled;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
	}

	/**
	 * The signed-in user of this request.
	 * @throws IllegalStateException when nobody is signed in
	 */
	public static CurrentUser get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return user;
		}
		throw new IllegalStateException("No signed-in user");
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public boolean is(Role... roles) {
		for (Role candidate : roles) {
			if (this.role == candidate) {
				return true;
			}
		}
		return false;
	}

	/** ADMIN or STAFF: may change records within the subtree. */
	public boolean isManager() {
		return is(Role.ADMIN, Role.STAFF);
	}

	/**
	 * The one role check of every service that changes records: staff and administrators
	 * only.
	 * @throws AccessDeniedException for anyone else
	 */
	public void requireManager() {
		if (!isManager()) {
			throw new AccessDeniedException("Only staff and administrators may do this");
		}
	}

	/** Everyone but a caring mother: may browse the federation tree. */
	public boolean isReader() {
		return this.role != Role.VOLUNTEER;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	public long federationId() {
		return this.federationId;
	}

	public String federationName() {
		return this.federationName;
	}

	public String federationPath() {
		return this.federationPath;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	/**
	 * A copy of this user whose password no longer has to be changed, in the session
	 * generation that the change began.
	 */
	public CurrentUser withPasswordChanged(long newSessionGeneration) {
		return new CurrentUser(this.id, this.username, null, this.displayName, this.role, this.federationId,
				this.federationName, this.federationPath, this.enabled, this.locked, false, newSessionGeneration,
				this.pendingStep);
	}

	/** A copy of this user who has passed her second factor. */
	public CurrentUser withSecondFactorPassed() {
		return new CurrentUser(this.id, this.username, null, this.displayName, this.role, this.federationId,
				this.federationName, this.federationPath, this.enabled, this.locked, this.mustChangePassword,
				this.sessionGeneration, null);
	}

	/** The account's session generation when this session signed in. */
	public long sessionGeneration() {
		return this.sessionGeneration;
	}

	/**
	 * The second-factor step still to take, or {@code null} when the user is fully signed
	 * in.
	 */
	public SecondFactorStep pendingStep() {
		return this.pendingStep;
	}

	/**
	 * The role's authority once signed in; only {@link SecondFactorStep#AUTHORITY} while
	 * the second factor is pending, so that nothing but its pages opens.
	 */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		if (this.pendingStep != null) {
			return List.of(new SimpleGrantedAuthority(SecondFactorStep.AUTHORITY));
		}
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.password = null;
	}

}
