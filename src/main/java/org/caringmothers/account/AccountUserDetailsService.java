package org.caringmothers.account;

import java.time.Clock;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final AccountRepository accounts;

	private final Clock clock;

	@Override
	@Transactional(readOnly = true)
	public CurrentUser loadUserByUsername(String username) {
		String normalised = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
		Account account = this.accounts.findByUsername(normalised)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return new CurrentUser(account.getId(), account.getUsername(), account.getPasswordHash(),
				account.getDisplayName(), account.getRole(), account.getFederation().getId(),
				account.getFederation().getName(), account.getFederation().getPath(), account.isEnabled(),
				account.lockedAt(this.clock.instant()), account.isMustChangePassword(), account.getSessionGeneration(),
				account.stepAfterPassword());
	}

	/**
	 * Stores the re-hash of a password that matched an older hash (BCrypt to Argon2id),
	 * in one update that does not touch the account's version.
	 */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
		this.accounts.rehash(user.getUsername(), newEncodedPassword);
		return loadUserByUsername(user.getUsername());
	}

}
