package org.caringmothers.account;

import lombok.RequiredArgsConstructor;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed sign-ins towards the lock-out and clears them on success. */
@Component
@RequiredArgsConstructor
class SignInListener {

	private final AccountService accounts;

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.accounts.recordSuccess(event.getAuthentication().getName());
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		Object name = event.getAuthentication().getPrincipal();
		if (name instanceof String username) {
			this.accounts.recordFailure(username.trim().toLowerCase(java.util.Locale.ROOT));
		}
	}

}
