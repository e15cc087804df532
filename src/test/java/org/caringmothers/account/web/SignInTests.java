package org.caringmothers.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.caringmothers.account.AccountService;
import org.caringmothers.common.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in: one generic message for every failure, lock-out, first-sign-in password
 * change.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	ApplicationEventPublisher publisher;

	@Test
	void theLoginPageIsInChineseAndCarriesACsrfToken() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("用户名")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void demoAccountsSignInWithTheDemoPassword() throws Exception {
		for (String user : new String[] { "admin", "xinzhou.official", "shenchi.staff", "loufan.staff",
				"loufan.mother" }) {
			this.mvc.perform(formLogin("/login").user(user).password(PASSWORD))
				.andExpect(redirectedUrl("/"))
				.andExpect(authenticated().withUsername(user));
		}
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
		this.mvc.perform(formLogin("/login").user("admin").password("wrong-password1"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(formLogin("/login").user("nobody.here").password("wrong-password1"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(containsString("用户名或密码不正确，或账号暂时无法登录。")));
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/login").param("username", "admin").param("password", PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void sixWrongPasswordsLockTheAccountForAWhile() throws Exception {
		this.accounts.createIfAbsent("lockout.test", "锁定测试", Role.STAFF, "140123", "Right-2026x", false);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin("/login").user("lockout.test").password("wrong-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		assertThat(this.jdbc.queryForObject("select locked_until from app_user where username = 'lockout.test'",
				java.sql.Timestamp.class))
			.as("five are not enough")
			.isNull();
		for (int i = 5; i < 6; i++) {
			this.mvc.perform(formLogin("/login").user("lockout.test").password("wrong-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin("/login").user("lockout.test").password("Right-2026x"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
		this.jdbc.update("update app_user set locked_until = now() - interval '1 minute' where username = ?",
				"lockout.test");
		this.mvc.perform(formLogin("/login").user("lockout.test").password("Right-2026x")).andExpect(authenticated());
	}

	@Test
	void disabledAccountsCannotSignIn() throws Exception {
		this.accounts.createIfAbsent("disabled.test", "停用测试", Role.VOLUNTEER, "140123", "Right-2026x", false);
		this.jdbc.update("update app_user set enabled = false where username = ?", "disabled.test");
		this.mvc.perform(formLogin("/login").user("disabled.test").password("Right-2026x"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void anAccountMadeBySomeoneElseMustChooseItsPasswordFirst() throws Exception {
		this.accounts.createIfAbsent("firstrun.test", "首登测试", Role.VOLUNTEER, "140123101", "Given-2026x", true);
		MvcResult login = this.mvc.perform(formLogin("/login").user("firstrun.test").password("Given-2026x"))
			.andExpect(authenticated())
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/federations").session(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/account/password").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请先设置您自己的新密码")));

		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "wrong-2026")
				.param("newPassword", "Mine-2026x")
				.param("confirmPassword", "Mine-2026x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("当前密码不正确")));
		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "Given-2026x")
				.param("newPassword", "Mine-2026x")
				.param("confirmPassword", "Mine-2026y"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("两次输入的新密码不一致")));
		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "Given-2026x")
				.param("newPassword", "Given-2026x")
				.param("confirmPassword", "Given-2026x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新密码不能与当前密码相同")));
		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", "Given-2026x")
				.param("newPassword", "Mine-2026x")
				.param("confirmPassword", "Mine-2026x"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select must_change_password from app_user where username = ?",
				Boolean.class, "firstrun.test"))
			.isFalse();
		this.mvc.perform(formLogin("/login").user("firstrun.test").password("Mine-2026x")).andExpect(authenticated());
	}

	@Test
	void oneAccountSignsInFromTwentyDevicesAtOnce() throws Exception {
		this.accounts.createIfAbsent("many.devices", "多设备测试", Role.VOLUNTEER, "140123101", "Right-2026x", false);
		List<Integer> statuses = atOnce(20,
				() -> this.mvc.perform(formLogin("/login").user("many.devices").password("Right-2026x"))
					.andExpect(authenticated())
					.andReturn()
					.getResponse()
					.getStatus());
		assertThat(statuses).hasSize(20).containsOnly(302);
		assertThat(this.jdbc.queryForObject("select last_login_at is not null from app_user where username = ?",
				Boolean.class, "many.devices"))
			.isTrue();
	}

	@Test
	void twentyFailuresAtOnceAreCountedExactlyAndTheLockHolds() throws Exception {
		this.accounts.createIfAbsent("many.failures", "多次失败", Role.VOLUNTEER, "140123101", "Right-2026x", false);
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(this.userDetails);
		provider.setPasswordEncoder(this.passwordEncoder);
		ProviderManager signIn = new ProviderManager(provider);
		signIn.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(this.publisher));
		List<String> outcomes = atOnce(20, () -> {
			try {
				signIn.authenticate(
						UsernamePasswordAuthenticationToken.unauthenticated("many.failures", "wrong-password"));
				return "signed in";
			}
			catch (BadCredentialsException ex) {
				return "bad";
			}
			catch (LockedException ex) {
				return "locked";
			}
		});
		long bad = outcomes.stream().filter("bad"::equals).count();
		assertThat(outcomes).doesNotContain("signed in");
		assertThat(bad).as("every wrong password before the lock counted").isGreaterThanOrEqualTo(6);
		assertThat(this.jdbc.queryForObject("select failed_attempts from app_user where username = ?", Long.class,
				"many.failures"))
			.as("each checked wrong password counted once, none lost")
			.isEqualTo(bad);
		this.mvc.perform(formLogin("/login").user("many.failures").password("Right-2026x"))
			.andExpect(unauthenticated());
	}

	@Test
	void anOldBCryptHashIsReplacedByArgon2idAtSignInAndLongPasswordsNeverFail() throws Exception {
		this.accounts.createIfAbsent("old.hash", "旧散列", Role.STAFF, "140123", "Right-2026x", false);
		this.jdbc.update("update app_user set password_hash = ? where username = 'old.hash'",
				"{bcrypt}" + new BCryptPasswordEncoder().encode("Right-2026x"));
		this.mvc.perform(formLogin("/login").user("old.hash").password("枣".repeat(64)))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin("/login").user("old.hash").password("Right-2026x")).andExpect(authenticated());
		assertThat(this.jdbc.queryForObject("select password_hash from app_user where username = 'old.hash'",
				String.class))
			.startsWith("{argon2}");
		this.mvc.perform(formLogin("/login").user("old.hash").password("Right-2026x")).andExpect(authenticated());
	}

	private static <T> List<T> atOnce(int threads, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
