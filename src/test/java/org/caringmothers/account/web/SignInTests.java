package org.caringmothers.account.web;

import org.caringmothers.account.AccountService;
import org.caringmothers.common.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
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
	void fiveWrongPasswordsLockTheAccountForAWhile() throws Exception {
		this.accounts.createIfAbsent("lockout.test", "锁定测试", Role.STAFF, "140123", "Right-2026x", false);
		for (int i = 0; i < 5; i++) {
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

}
