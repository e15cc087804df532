package org.caringmothers.account.web;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.ADMIN;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.caringmothers.common.DemoUsers.XINZHOU_OFFICIAL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Account administration: who may see and manage which accounts, and bad input. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void onlyAdminsAndStaffManageAccounts() throws Exception {
		page(get("/accounts"), ADMIN).andExpect(status().isOk());
		page(get("/accounts"), LOUFAN_STAFF).andExpect(status().isOk());
		page(get("/accounts"), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(get("/accounts"), LOUFAN_MOTHER).andExpect(status().isForbidden());
		page(get("/accounts/new"), LOUFAN_MOTHER).andExpect(status().isForbidden());
	}

	@Test
	void staffSeeOnlyStaffAndMothersOfTheirSubtree() throws Exception {
		page(get("/accounts"), LOUFAN_STAFF).andExpect(content().string(containsString(LOUFAN_MOTHER)))
			.andExpect(content().string(not(containsString(SHENCHI_STAFF))))
			.andExpect(content().string(not(containsString(">admin<"))));
		page(get("/accounts"), ADMIN).andExpect(content().string(containsString(SHENCHI_STAFF)))
			.andExpect(content().string(containsString(XINZHOU_OFFICIAL)));
	}

	@Test
	void filtersNarrowTheList() throws Exception {
		page(get("/accounts").param("federationCode", "140900"), ADMIN)
			.andExpect(content().string(containsString(SHENCHI_STAFF)))
			.andExpect(content().string(not(containsString(LOUFAN_STAFF))));
		page(get("/accounts").param("role", "VOLUNTEER"), ADMIN)
			.andExpect(content().string(containsString(LOUFAN_MOTHER)))
			.andExpect(content().string(not(containsString(SHENCHI_STAFF))));
		page(get("/accounts").param("q", "shenchi"), ADMIN).andExpect(content().string(containsString(SHENCHI_STAFF)))
			.andExpect(content().string(not(containsString(LOUFAN_MOTHER))));
		page(get("/accounts").param("federationCode", "140927"), LOUFAN_STAFF)
			.andExpect(content().string(not(containsString(SHENCHI_STAFF))));
	}

	@Test
	void theFilterShowsWhatWasChosen() throws Exception {
		page(get("/accounts").param("role", "VOLUNTEER").param("enabled", "false"), ADMIN).andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"enabled\"")))
			.andExpect(content().string(containsString("<select id=\"enabled\" name=\"enabled\"")))
			.andExpect(content().string(containsString("<option value=\"false\" selected=\"selected\">")))
			.andExpect(content().string(containsString("<option value=\"true\">")))
			.andExpect(content().string(containsString("<option value=\"VOLUNTEER\" selected=\"selected\">")));
	}

	@Test
	void anAccountOutsideTheSubtreeIsNotFound() throws Exception {
		long shenchiStaff = accountId(SHENCHI_STAFF);
		page(get("/accounts/" + shenchiStaff + "/edit"), LOUFAN_STAFF).andExpect(status().isNotFound());
		page(post("/accounts/" + shenchiStaff + "/enabled").with(csrf()).param("enabled", "false"), LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		page(post("/accounts/" + shenchiStaff + "/password").with(csrf()).param("temporaryPassword", "Reset-2026x"),
				LOUFAN_STAFF)
			.andExpect(status().isNotFound());
		page(get("/accounts/" + accountId(XINZHOU_OFFICIAL) + "/edit"), SHENCHI_STAFF).andExpect(status().isNotFound());
		assertThat(enabled(SHENCHI_STAFF)).isTrue();
	}

	@Test
	void aMissingNameAndTheScopeAndPasswordRulesAreReportedInOneRound() throws Exception {
		long before = accountCount();
		page(newAccount(LOUFAN_MOTHER, "", "STAFF", "140927100", "password1"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "displayName", "username", "federationCode",
					"initialPassword"))
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("此项为必填项")))
			.andExpect(content().string(containsString("该用户名已被使用")))
			.andExpect(content().string(containsString("您管辖范围内没有此区划代码")))
			.andExpect(content().string(containsString("太容易被猜到")));
		assertThat(accountCount()).isEqualTo(before);
	}

	@Test
	void badInputGivesFieldErrorsAndSavesNothing() throws Exception {
		long before = accountCount();
		expectFieldError(newAccount("Bad Name", "李梅", "STAFF", "140123101", "Start-2026x"), LOUFAN_STAFF, "username",
				"用户名只能包含小写字母");
		expectFieldError(newAccount(LOUFAN_MOTHER, "李梅", "STAFF", "140123101", "Start-2026x"), LOUFAN_STAFF, "username",
				"该用户名已被使用");
		expectFieldError(newAccount("mother.test1", "李梅\u0007", "STAFF", "140123101", "Start-2026x"), LOUFAN_STAFF,
				"displayName", "不能包含控制字符");
		expectFieldError(newAccount("mother.test1", "", "STAFF", "140123101", "Start-2026x"), LOUFAN_STAFF,
				"displayName", "必填");
		expectFieldError(newAccount("mother.test1", "李梅", "OFFICIAL", "140123101", "Start-2026x"), LOUFAN_STAFF, "role",
				"您不能设置此角色");
		expectFieldError(newAccount("mother.test1", "李梅", "STAFF", "140927100", "Start-2026x"), LOUFAN_STAFF,
				"federationCode", "您管辖范围内没有此区划代码");
		expectFieldError(newAccount("official.test1", "李梅", "OFFICIAL", "140123", "Start-2026x"), ADMIN,
				"federationCode", "此角色不能设在这一级妇联");
		expectFieldError(newAccount("mother.test1", "李梅", "STAFF", "140123101", "short1"), LOUFAN_STAFF,
				"initialPassword", "至少需要 8 位");
		expectFieldError(newAccount("mother.test1", "李梅", "STAFF", "140123101", "password1"), LOUFAN_STAFF,
				"initialPassword", "太容易被猜到");
		expectFieldError(newAccount("mother.test1", "李梅", "STAFF", "140123101", "mother.test1-2026"), LOUFAN_STAFF,
				"initialPassword", "不能含有您的用户名");
		expectFieldError(newAccount("mother.test1", "李梅", "VOLUNTEER", "140123101", "Start-2026x"), LOUFAN_STAFF,
				"role", "志愿者档案页开通");
		assertThat(accountCount()).isEqualTo(before);
	}

	@Test
	void staffCreateEditDisableAndResetATownshipStaffAccount() throws Exception {
		page(newAccount("mother.create1", "赵春梅", "STAFF", "140123101", "Start-2026x"), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/accounts"))
			.andExpect(flash().attribute("flashSuccess", "account.created"));
		long id = accountId("mother.create1");
		assertThat(
				this.jdbc.queryForObject("select must_change_password from app_user where id = ?", Boolean.class, id))
			.isTrue();
		long version = this.jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);
		page(post("/accounts/" + id + "/edit").with(csrf())
			.param("displayName", "赵春梅")
			.param("role", "STAFF")
			.param("federationCode", "140123102")
			.param("version", String.valueOf(version)), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		page(post("/accounts/" + id + "/edit").with(csrf())
			.param("displayName", "旧版本")
			.param("role", "STAFF")
			.param("federationCode", "140123101")
			.param("version", String.valueOf(version)), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("有人修改了这条记录")))
			.andExpect(content().string(containsString("140123102")));
		page(post("/accounts/" + id + "/enabled").with(csrf()).param("enabled", "false"), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(enabled("mother.create1")).isFalse();
		page(post("/accounts/" + id + "/password").with(csrf()).param("temporaryPassword", "abc"), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("resetForm", "temporaryPassword"));
		page(post("/accounts/" + id + "/password").with(csrf()).param("temporaryPassword", "Reset-2026x"), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void staffCannotDisableThemselves() throws Exception {
		page(post("/accounts/" + accountId(LOUFAN_STAFF) + "/enabled").with(csrf()).param("enabled", "false"),
				LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "account.disable.self"));
		assertThat(enabled(LOUFAN_STAFF)).isTrue();
	}

	@Test
	void postingWithoutCsrfTokenIsRefused() throws Exception {
		long before = accountCount();
		this.mvc
			.perform(post("/accounts/new").param("username", "nocsrf.user")
				.param("displayName", "无令牌")
				.param("role", "STAFF")
				.param("federationCode", "140123101")
				.param("initialPassword", "Start-2026x")
				.with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isForbidden());
		assertThat(accountCount()).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder newAccount(String username, String displayName, String role,
			String federationCode, String password) {
		return post("/accounts/new").with(csrf())
			.param("username", username)
			.param("displayName", displayName)
			.param("role", role)
			.param("federationCode", federationCode)
			.param("initialPassword", password);
	}

	private void expectFieldError(MockHttpServletRequestBuilder request, String user, String field, String message)
			throws Exception {
		page(request, user).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field))
			.andExpect(content().string(containsString(message)));
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	private long accountId(String username) {
		return this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	private boolean enabled(String username) {
		return this.jdbc.queryForObject("select enabled from app_user where username = ?", Boolean.class, username);
	}

	private long accountCount() {
		return this.jdbc.queryForObject("select count(*) from app_user", Long.class);
	}

}
