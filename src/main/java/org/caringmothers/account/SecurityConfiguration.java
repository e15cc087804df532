package org.caringmothers.account;

import java.io.IOException;

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
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contextRepository)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/favicon.svg", "/error",
					"/login")
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
					|| path.startsWith("/icons/") || path.equals("/sw.js") || path.equals("/manifest.webmanifest");
		}

	}

}
