package org.caringmothers.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.SecondFactorStep;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may open what. Coarse rules by role live here; whether a record lies in the user's
 * federation subtree is decided by the services, which answer 404 otherwise.
 * <p>
 * The service worker, the web app manifest and its icons are open to everyone (they hold
 * nothing personal, and a browser fetches the manifest without cookies); the mother's
 * JSON endpoints under {@code /my/} answer 401 instead of the sign-in page, so that her
 * phone can keep its queue until she signs in again.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String PASSWORD_PAGE = "/account/password";

	static final String SECOND_FACTOR_PAGE = "/account/second-factor";

	static final String CODE_PAGE = "/login/code";

	private static final String ARGON2 = "argon2";

	/**
	 * New passwords are hashed with Argon2id (any length, no 72-byte limit); older BCrypt
	 * hashes still match and are re-hashed with Argon2id at the next sign-in.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Map<String, PasswordEncoder> encoders = Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new LongPasswordSafeBCrypt());
		return new DelegatingPasswordEncoder(ARGON2, encoders);
	}

	/**
	 * BCrypt reads at most 72 bytes and refuses longer passwords outright; a longer one
	 * typed at sign-in simply does not match an old BCrypt hash.
	 */
	static final class LongPasswordSafeBCrypt implements PasswordEncoder {

		private static final int MAX_BYTES = 72;

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			return this.bcrypt.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				return false;
			}
			return this.bcrypt.matches(rawPassword, encodedPassword);
		}

	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contextRepository,
			AuditService audit, JdbcTemplate jdbc, Clock clock, AddressThrottle addresses) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// open to everyone: sign-in, activation, errors and files with nothing
			// personal
			.requestMatchers(HttpMethod.GET, "/webjars/**", "/css/**", "/js/**", "/icons/**", "/favicon*.svg", "/sw.js",
					"/manifest.webmanifest", "/login")
			.permitAll()
			.requestMatchers("/error", "/activate")
			.permitAll()
			// every signed-in user: the home page, the own password and signing out
			.requestMatchers(HttpMethod.GET, "/")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF", "VOLUNTEER")
			.requestMatchers(PASSWORD_PAGE)
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF", "VOLUNTEER")
			.requestMatchers("/logout")
			.authenticated()
			// the second factor: its code after the password, and its enrolment (at the
			// first sign-in of a role that requires it, or a mother's own choice)
			.requestMatchers(CODE_PAGE)
			.hasAuthority(SecondFactorStep.AUTHORITY)
			.requestMatchers(SECOND_FACTOR_PAGE)
			.hasAnyAuthority(SecondFactorStep.AUTHORITY, "ROLE_ADMIN", "ROLE_OFFICIAL", "ROLE_STAFF", "ROLE_VOLUNTEER")
			.requestMatchers(HttpMethod.POST, "/accounts/*/second-factor/reset")
			.hasRole("ADMIN")
			// administrators only
			.requestMatchers(HttpMethod.GET, "/audit", "/audit/export")
			.hasRole("ADMIN")
			// the caring mother's own pages
			.requestMatchers(HttpMethod.GET, "/my/offline", "/my/sync", "/my/pairings/*/visits/new",
					"/my/visits/*/edit", "/my/visits")
			.hasRole("VOLUNTEER")
			.requestMatchers(HttpMethod.POST, "/my/uploads", "/my/uploads/*", "/my/pairings/*/visits",
					"/my/visits/*/edit", "/my/pairings/*/guardians/*/call")
			.hasRole("VOLUNTEER")
			// a photo: her own contacts for a mother, the subtree for staff; never an
			// official
			.requestMatchers(HttpMethod.GET, "/photos/*")
			.hasAnyRole("ADMIN", "STAFF", "VOLUNTEER")
			// figures: dashboards, ledgers (figures only for officials) and targets
			.requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/*", "/dashboard/*/ledger",
					"/dashboard/*/ledger.xlsx")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF")
			.requestMatchers(HttpMethod.POST, "/dashboard/*/ledger/close")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF")
			.requestMatchers(HttpMethod.GET, "/targets", "/targets/*")
			.hasAnyRole("ADMIN", "OFFICIAL")
			.requestMatchers(HttpMethod.POST, "/targets/*")
			.hasAnyRole("ADMIN", "OFFICIAL")
			// the federation tree and the programme's events (the forms first: /events/*
			// would match /events/new too)
			.requestMatchers(HttpMethod.GET, "/federations/*/edit", "/federations/*/children/new",
					"/federations/*/stations/new", "/events/new", "/events/*/edit")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/federations", "/federations/*", "/federations/*/children", "/events",
					"/events/*")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF")
			.requestMatchers(HttpMethod.POST, "/federations/*/edit", "/federations/*/children/new",
					"/federations/*/stations/new", "/events/new", "/events/*/edit", "/events/*/attendees",
					"/events/*/attendees/*/remove", "/events/*/recruits", "/events/*/attendees/many")
			.hasAnyRole("ADMIN", "STAFF")
			// accounts and individual people: staff and administrators, never officials
			.requestMatchers(HttpMethod.GET, "/accounts", "/accounts/new", "/accounts/*/edit")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/accounts/new", "/accounts/*/edit", "/accounts/*/password",
					"/accounts/*/enabled")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/children", "/children/new", "/children/export", "/children/*",
					"/children/*/edit", "/children/import", "/children/import/template", "/children/import/*",
					"/children/import/*/progress")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/children/new", "/children/*/reveal", "/children/*/edit",
					"/children/*/status", "/children/import", "/children/import/*/confirm", "/children/import/*/cancel",
					"/children/*/consent-withdrawal")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/volunteers", "/volunteers/export", "/volunteers/stations",
					"/volunteers/new", "/volunteers/*", "/volunteers/*/edit", "/volunteers/*/account",
					"/volunteers/*/account/slip", "/volunteers/import", "/volunteers/import/template",
					"/volunteers/import/*", "/volunteers/import/*/progress")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/volunteers/new", "/volunteers/*/reveal", "/volunteers/*/edit",
					"/volunteers/*/status", "/volunteers/*/trainings", "/volunteers/*/mothers",
					"/volunteers/*/mothers/*/remove", "/volunteers/*/account", "/volunteers/*/account/replace",
					"/volunteers/*/account/code", "/volunteers/import", "/volunteers/import/*/confirm",
					"/volunteers/import/*/cancel")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/pairings/child/*", "/pairings/mother/*", "/pairings/unpaired",
					"/visits/review", "/needs", "/needs/new", "/needs/*")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/pairings", "/pairings/*/end", "/visits/remind/*", "/visits/*/review",
					"/needs/new", "/needs/*/steps", "/needs/*/report")
			.hasAnyRole("ADMIN", "STAFF")
			// care gaps and reminders by name: staff and administrators, never officials
			// (they see the counts on the dashboard)
			.requestMatchers(HttpMethod.GET, "/care-gaps", "/reminders")
			.hasAnyRole("ADMIN", "STAFF")
			// 接替: a reserve takes over a leaving mother's children
			.requestMatchers("/pairings/mother/*/handover")
			.hasAnyRole("ADMIN", "STAFF")
			// the federation picker's suggestions (also matched by /federations/* above)
			.requestMatchers(HttpMethod.GET, "/federations/options")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF")
			// deny by default: a route without a rule above is open to nobody
			.anyRequest()
			.denyAll())
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error"))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new AuditedAccessDenied(audit))
				.authenticationEntryPoint(
						new DelegatingAuthenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"),
								new RequestMatcherEntry<>(
										new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/my/sync"),
												PathPatternRequestMatcher.pathPattern("/my/uploads"),
												PathPatternRequestMatcher.pathPattern("/my/uploads/**")),
										new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))))
			.securityContext(context -> context.securityContextRepository(contextRepository))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
						+ "form-action 'self'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new AddressThrottleFilter(addresses), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SessionValidityFilter(jdbc, clock), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new SecondFactorPendingFilter(), AuthorizationFilter.class)
			.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Records every refused request (403) in the access log, in a transaction of its own,
	 * then answers as usual with the 403 page.
	 */
	static class AuditedAccessDenied implements AccessDeniedHandler {

		private final AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();

		private final AuditService audit;

		AuditedAccessDenied(AuditService audit) {
			this.audit = audit;
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				AccessDeniedException accessDeniedException) throws IOException, ServletException {
			this.audit.recordAlone(AuditAction.DENIED, "REQUEST", null, request.getMethod() + " "
					+ request.getRequestURI() + " " + accessDeniedException.getClass().getSimpleName());
			this.delegate.handle(request, response, accessDeniedException);
		}

	}

	/**
	 * A user whose password matched but whose second factor is pending opens nothing but
	 * its page (enrolment or code) and sign-out; her only authority is
	 * {@link SecondFactorStep#AUTHORITY}, so the rules above refuse everything else even
	 * without this filter.
	 */
	static class SecondFactorPendingFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
					&& user.pendingStep() != null) {
				String page = (user.pendingStep() == SecondFactorStep.ENROL) ? SECOND_FACTOR_PAGE : CODE_PAGE;
				String path = request.getRequestURI().substring(request.getContextPath().length());
				if (!path.equals(page) && !PasswordChangeRequiredFilter.exemptFromAll(path)) {
					response.sendRedirect(request.getContextPath() + page);
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Refuses sign-in attempts (password or code) from an address paused by
	 * {@link AddressThrottle}, with the minutes to wait on the sign-in page.
	 */
	static class AddressThrottleFilter extends OncePerRequestFilter {

		private final AddressThrottle addresses;

		AddressThrottleFilter(AddressThrottle addresses) {
			this.addresses = addresses;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if ("POST".equals(request.getMethod()) && (path.equals("/login") || path.equals(CODE_PAGE))) {
				long minutes = this.addresses.minutesToWait(request.getRemoteAddr());
				if (minutes > 0) {
					response.sendRedirect(request.getContextPath() + "/login?paused=" + minutes);
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * An account created by someone else must choose its own password before anything
	 * else: every page but the password page and sign-out leads there.
	 */
	static class PasswordChangeRequiredFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
					&& user.mustChangePassword() && user.pendingStep() == null && !exempt(request)) {
				response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean exempt(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.equals(PASSWORD_PAGE) || exemptFromAll(path);
		}

		/** Sign-out, the error page and files with nothing personal. */
		static boolean exemptFromAll(String path) {
			return path.equals("/logout") || path.equals("/error") || path.startsWith("/webjars/")
					|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/favicon")
					|| path.startsWith("/icons/") || path.equals("/sw.js") || path.equals("/manifest.webmanifest");
		}

	}

}
