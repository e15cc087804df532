package org.caringmothers.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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
import org.springframework.security.web.access.intercept.AuthorizationFilter;
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
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contextRepository)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/favicon*.svg",
					"/error", "/login", "/activate")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/sw.js", "/manifest.webmanifest", "/icons/**")
			.permitAll()
			.requestMatchers("/audit/**", "/audit")
			.hasRole("ADMIN")
			.requestMatchers("/accounts/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers("/my/**")
			.hasRole("VOLUNTEER")
			.requestMatchers("/photos/**")
			.authenticated()
			.requestMatchers("/targets/**", "/targets")
			.hasAnyRole("ADMIN", "OFFICIAL")
			.requestMatchers("/dashboard/**", "/dashboard")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF")
			.requestMatchers(HttpMethod.GET, "/needs/new")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/visits/**", "/needs/**", "/needs")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF")
			.requestMatchers("/visits/**", "/needs/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers("/volunteers/*/account", "/volunteers/*/account/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/volunteers/new", "/volunteers/*/edit", "/volunteers/import",
					"/volunteers/import/**", "/children/new", "/children/*/edit", "/children/import",
					"/children/import/**", "/events/new", "/events/*/edit")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/volunteers/**", "/volunteers", "/children/**", "/children",
					"/pairings/**", "/events/**", "/events")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF")
			.requestMatchers("/volunteers/**", "/children/**", "/pairings/**", "/pairings", "/events/**", "/events")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.GET, "/federations/*/edit", "/federations/*/children/new",
					"/federations/*/stations/new")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers(HttpMethod.POST, "/federations/**")
			.hasAnyRole("ADMIN", "STAFF")
			.requestMatchers("/federations/**", "/federations")
			.hasAnyRole("ADMIN", "OFFICIAL", "STAFF")
			.anyRequest()
			.authenticated())
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error"))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
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
			.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		return http.build();
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
					&& user.mustChangePassword() && !exempt(request)) {
				response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean exempt(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/error")
					|| path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
					|| path.startsWith("/favicon") || path.startsWith("/icons/") || path.equals("/sw.js")
					|| path.equals("/manifest.webmanifest");
		}

	}

}
