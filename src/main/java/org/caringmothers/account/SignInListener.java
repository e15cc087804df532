package org.caringmothers.account;

import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins towards the lock-out and clears them on success, and records
 * every sign-in, failed sign-in, lock-out and sign-out in the access log.
 */
@Component
@RequiredArgsConstructor
class SignInListener {

	private final AccountService accounts;

	private final AuditService audit;

	private final AddressThrottle addresses;

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof CurrentUser user && user.pendingStep() != null) {
			// the failure count stands until the second factor is passed too
			record(event.getAuthentication(), AuditAction.SIGN_IN, "password accepted, second factor "
					+ user.pendingStep().name().toLowerCase(Locale.ROOT) + " pending");
			return;
		}
		this.accounts.recordSuccess(event.getAuthentication().getName());
		record(event.getAuthentication(), AuditAction.SIGN_IN, null);
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		Object name = event.getAuthentication().getPrincipal();
		if (!(name instanceof String typed)) {
			return;
		}
		String username = typed.trim().toLowerCase(Locale.ROOT);
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
			this.addresses.failed(details.getRemoteAddress(), username);
		}
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			this.accounts.recordFailure(username);
		}
		else {
			this.audit.recordAs(null, username, AuditAction.SIGN_IN_FAILED, AccountService.RECORD, null,
					event.getException().getClass().getSimpleName());
		}
	}

	@EventListener
	void onSignOut(LogoutSuccessEvent event) {
		record(event.getAuthentication(), AuditAction.SIGN_OUT, null);
	}

	private void record(Authentication authentication, AuditAction action, String summary) {
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			this.audit.recordAs(user.id(), user.getUsername(), action, AccountService.RECORD, user.id(), summary);
		}
	}

}
