package org.caringmothers.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every signed-in request against its account: a session older than
 * {@link #ABSOLUTE_LIFETIME} (by its creation time), of an account that is disabled or
 * gone, or signed in before the account's sessions were revoked (an older session
 * generation) is ended there and then; the request goes on as anonymous, so it meets the
 * sign-in page (or 401 for the phone's JSON endpoints; a disabled mother's phone is told
 * to remove what it keeps, as {@code /my/sync} itself would). Idle sessions end after
 * {@code server.servlet.session.timeout} (30 minutes) by the session store itself.
 */
class SessionValidityFilter extends OncePerRequestFilter {

	static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);

	/**
	 * The header of the offline pages that tells the phone to remove everything it keeps.
	 */
	static final String WIPE_HEADER = "X-Offline-Wipe";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SessionValidityFilter(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& !valid(user, request.getSession(false))) {
			SecurityContextHolder.clearContext();
			boolean phone = request.getRequestURI().startsWith(request.getContextPath() + "/my/sync")
					|| request.getRequestURI().startsWith(request.getContextPath() + "/my/uploads");
			if (phone && disabled(user)) {
				invalidate(request);
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setHeader(WIPE_HEADER, "1");
				response.setHeader("Cache-Control", "no-store");
				response.setContentType("application/json");
				response.getWriter().write("{\"wipe\":true}");
				return;
			}
			HttpSession session = request.getSession(false);
			if (session != null) {
				try {
					session.invalidate();
				}
				catch (IllegalStateException ex) {
					// already invalidated
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static void invalidate(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			try {
				session.invalidate();
			}
			catch (IllegalStateException ex) {
				// already invalidated
			}
		}
	}

	private boolean disabled(CurrentUser user) {
		List<Boolean> enabled = this.jdbc.query("select enabled from app_user where id = ?",
				(row, i) -> row.getBoolean(1), user.id());
		return enabled.isEmpty() || !enabled.get(0);
	}

	private boolean valid(CurrentUser user, HttpSession session) {
		if (session != null) {
			try {
				if (this.clock.millis() - session.getCreationTime() > ABSOLUTE_LIFETIME.toMillis()) {
					return false;
				}
			}
			catch (IllegalStateException ex) {
				return false;
			}
		}
		List<Boolean> current = this.jdbc.query("select enabled and session_generation = ? from app_user where id = ?",
				(row, i) -> row.getBoolean(1), user.sessionGeneration(), user.id());
		return !current.isEmpty() && current.get(0);
	}

}
