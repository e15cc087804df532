package org.caringmothers.account;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.jspecify.annotations.Nullable;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The application's real security rules ({@link SecurityConfiguration}) for
 * {@code @WebMvcTest} slices of a single module's controllers, with the clock the pages
 * need. A slice also declares {@code @MockitoBean AuditService} (the refused-request
 * handler and the view audit use it) and mocks the module's services. Signed-in users are
 * built here, one per role, in 娄烦县.
 * <p>
 * Boot 4's web slice brings no security auto-configuration unless
 * {@code spring-boot-security-test} is on the class path (it is not served here), so the
 * auto-configurations that build {@code HttpSecurity} and register the filter chain are
 * imported by name.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
public class WebSliceSecurity {

	/**
	 * The one statement of the security filters ({@link SessionValidityFilter}'s check
	 * that the session's account is unchanged): slice users are always current.
	 */
	@Bean
	JdbcTemplate jdbcTemplate() {
		return new JdbcTemplate() {

			@Override
			public void afterPropertiesSet() {
				// no database in a web slice
			}

			@Override
			@SuppressWarnings("unchecked")
			public <T> List<T> query(String sql, RowMapper<T> rowMapper, @Nullable Object... args) {
				return (List<T>) List.of(Boolean.TRUE);
			}

		};
	}

	/** No address is paused in a web slice. */
	@Bean
	AddressThrottle addressThrottle() {
		return Mockito.mock(AddressThrottle.class);
	}

	@Bean
	Clock clock() {
		return Clock.system(ZoneId.of("Asia/Shanghai"));
	}

	public static CurrentUser user(Role role) {
		return new CurrentUser(role.ordinal() + 1000L, role.name().toLowerCase() + ".slice", null, "测试" + role.name(),
				role, 3L, "娄烦县", "/140000/140100/140123/", true, false, false);
	}

}
