package org.caringmothers.account;

import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Ends the open sessions of an account whose role, federation, password, status or second
 * factor changed. Two mechanisms, both at once:
 * <ul>
 * <li>the account's session generation is raised in the same transaction as the change;
 * every session carries the generation it signed in with, and
 * {@link SessionValidityFilter} refuses an older one at its next request, whatever stores
 * the sessions;</li>
 * <li>after the change commits, the stored sessions of the account are deleted through
 * Spring Session's principal-name index (sessions in PostgreSQL), so that no instance can
 * serve them any more.</li>
 * </ul>
 * The signed-in user changing her own password keeps the session she does it in.
 */
@Component
@RequiredArgsConstructor
class SessionRevocation {

	private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	private final AuditService audit;

	/**
	 * Revokes the account's sessions (all of them, or all but the current request's when
	 * {@code keepCurrent}), in the caller's transaction, and records it.
	 * @return the account's new session generation
	 */
	long revoke(Account account, boolean keepCurrent, String reason) {
		account.revokeSessions();
		String keep = keepCurrent ? currentSessionId() : null;
		this.audit.record(AuditAction.SESSIONS_REVOKED, AccountService.RECORD, account.getId(), account.getUsername()
				+ ": " + (keepCurrent ? "other sessions ended (" : "all sessions ended (") + reason + ")");
		String username = account.getUsername();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deleteStored(username, keep);
				}
			});
		}
		else {
			deleteStored(username, keep);
		}
		return account.getSessionGeneration();
	}

	/**
	 * Deletes the stored sessions of a user but the one to keep.
	 * @return how many were deleted (0 without an indexed session store)
	 */
	int deleteStored(String username, String keep) {
		FindByIndexNameSessionRepository<? extends Session> repository = this.sessions.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		int deleted = 0;
		try {
			Map<String, ? extends Session> found = repository.findByPrincipalName(username);
			for (String id : found.keySet()) {
				if (!id.equals(keep)) {
					repository.deleteById(id);
					deleted++;
				}
			}
		}
		catch (RuntimeException ex) {
			// the generation check still refuses them at their next request
			log.warn("Could not delete the stored sessions of {}: {}", username, ex.getMessage());
		}
		return deleted;
	}

	private static String currentSessionId() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return (request != null) ? request.getSessionId() : null;
	}

}
