package org.caringmothers.volunteer.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.caringmothers.account.Activation;
import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.volunteer.TestIdNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.caringmothers.common.DemoUsers.XINZHOU_OFFICIAL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A caring mother's sign-in account made from her record: the proposed name, the code
 * shown once on a printable slip, its exchange for her own password, a new code, a
 * replaced account, and the account following her record's status.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VolunteerAccountTests {

	private static final String PASSWORD = "Qiuhe-2026y";

	private static final String LONG_PASSWORD = "我家门前有两棵树，一棵是枣树，另一棵也是枣树。——鲁迅《秋夜》";

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
	void staffGiveHerAnAccountAndSheSetsHerOwnPasswordWithTheCodeOnHerSlip() throws Exception {
		long id = register("王秀英");
		page(get("/volunteers/" + id), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("还没有登录账号")))
			.andExpect(content().string(containsString("/volunteers/" + id + "/account")));
		String proposed = (String) ((org.caringmothers.volunteer.SignInNameForm) page(
				get("/volunteers/" + id + "/account"), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("nameForm")).getUsername();
		assertThat(proposed).matches("wangxiuying[0-9]{2,}");

		Activation activation = create(id, proposed);
		assertThat(activation.username()).isEqualTo(proposed);
		assertThat(activation.code()).matches("[0-9]{4} [0-9]{4}");
		Long accountId = this.jdbc.queryForObject("select account_id from volunteer where id = ?", Long.class, id);
		assertThat(accountId).isEqualTo(activation.accountId());
		assertThat(this.jdbc.queryForMap(
				"select a.role, a.enabled, f.code from app_user a join federation f on f.id = a.federation_id where a.id = ?",
				accountId))
			.containsEntry("role", "VOLUNTEER")
			.containsEntry("enabled", true)
			.containsEntry("code", "140123101");
		String code = activation.code().replace(" ", "");
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where activation_code_hash like ?",
				Long.class, "%" + code + "%"))
			.as("the code is kept only as a hash")
			.isZero();
		assertThat(audit(id, "account created: " + proposed)).isEqualTo(1);

		page(get("/volunteers/" + id + "/account/slip").flashAttr("activation", activation), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(proposed)))
			.andExpect(content().string(containsString(activation.code())))
			.andExpect(content().string(containsString("/activate?u=" + proposed)))
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(containsString("在浏览器中打开")));
		page(get("/volunteers/" + id + "/account/slip"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("只显示一次")))
			.andExpect(content().string(not(containsString(activation.code()))));
		page(get("/volunteers/" + id), LOUFAN_STAFF).andExpect(content().string(containsString(proposed)))
			.andExpect(content().string(containsString("等待激活")));

		this.mvc.perform(get("/activate").param("u", proposed))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + proposed + "\"")));
		this.mvc.perform(get("/activate").header("User-Agent", "Mozilla/5.0 MicroMessenger/8.0.50"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("在浏览器中打开")));

		activateExpectingError(proposed, "00000000", PASSWORD, PASSWORD, "用户名或激活码不正确");
		assertThat(failedAttempts(accountId)).isEqualTo(1);
		activateExpectingError(proposed, code, PASSWORD, PASSWORD + "x", "两次输入的新密码不一致");
		activateExpectingError(proposed, code, "abc1", "abc1", "至少需要 8 位");
		activateExpectingError(proposed, code, "password1", "password1", "太容易被猜到");
		activateExpectingError(proposed, code, "13912345678", "13912345678", "不能含有");
		activateExpectingError(proposed, code, "枣".repeat(65), "枣".repeat(65), "长度不能超过 64");
		activateExpectingError("nobody-here", code, PASSWORD, PASSWORD, "用户名或激活码不正确");

		this.mvc
			.perform(post("/activate").with(csrf())
				.param("username", " " + proposed.toUpperCase() + " ")
				.param("code", activation.code())
				.param("newPassword", LONG_PASSWORD)
				.param("confirmPassword", LONG_PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(proposed));
		assertThat(failedAttempts(accountId)).isZero();
		activateExpectingError(proposed, code, PASSWORD + "2", PASSWORD + "2", "用户名或激活码不正确");
		assertThat(LONG_PASSWORD.getBytes(StandardCharsets.UTF_8).length).as("more than BCrypt could read")
			.isGreaterThan(72);
		this.mvc.perform(post("/login").with(csrf()).param("username", proposed).param("password", LONG_PASSWORD))
			.andExpect(authenticated().withUsername(proposed));
		assertThat(this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, accountId))
			.startsWith("{argon2}");
		page(get("/"), proposed).andExpect(status().isOk()).andExpect(content().string(containsString("王秀英，您好")));
		page(get("/volunteers/" + id), LOUFAN_STAFF).andExpect(content().string(containsString("已激活")));
	}

	@Test
	void inWeChatHerPagesSayToOpenThePhonesBrowserAndOfferNothingOffline() throws Exception {
		page(get("/").header("User-Agent", "Mozilla/5.0 (Linux; Android 12) MicroMessenger/8.0.50"), LOUFAN_MOTHER)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"wechat-notice\"")))
			.andExpect(content().string(not(containsString("pin-setup"))))
			.andExpect(content().string(not(containsString("manifest.webmanifest"))))
			.andExpect(content().string(not(containsString("/js/offline"))));
		page(get("/").header("User-Agent", "Mozilla/5.0 (Linux; Android 12) Chrome/120 Mobile"), LOUFAN_MOTHER)
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"wechat-notice\""))))
			.andExpect(content().string(containsString("pin-setup")))
			.andExpect(content().string(containsString("manifest.webmanifest")));
		page(get("/").header("User-Agent", "Mozilla/5.0 MicroMessenger/8.0.50"), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"wechat-notice\""))));
	}

	@Test
	void aNewCodeReplacesTheOldOneAndTheAccountFollowsHerStatus() throws Exception {
		long id = register("梁玉兰");
		String base = "/volunteers/" + id;
		Activation first = create(id, "liangyulan-it");
		Activation second = activationFrom(page(post(base + "/account/code").with(csrf()), LOUFAN_STAFF)
			.andExpect(redirectedUrl(base + "/account/slip"))
			.andReturn());
		assertThat(second.accountId()).isEqualTo(first.accountId());
		assertThat(audit(id, "activation code reissued for account liangyulan-it")).isEqualTo(1);
		activateExpectingError("liangyulan-it", first.code(), PASSWORD, PASSWORD, "用户名或激活码不正确");

		step(base, "to", "SCREENED", "interviewDone", "true", "referencesChecked", "true", "noCriminalRecord", "true");
		page(post(base + "/trainings").with(csrf())
			.param("trainingDate", LocalDate.now().minusDays(3).toString())
			.param("topic", "儿童心理与沟通")
			.param("hours", "2")
			.param("trainer", "白老师"), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		step(base, "to", "TRAINED");
		step(base, "to", "ACTIVE", "oathDate", LocalDate.now().toString());
		assertThat(enabled(first.accountId())).isTrue();
		step(base, "to", "SUSPENDED", "note", "外出务工三个月");
		assertThat(enabled(first.accountId())).as("suspending her disables her account").isFalse();
		activateExpectingError("liangyulan-it", second.code(), PASSWORD, PASSWORD, "用户名或激活码不正确");
		page(post(base + "/account/code").with(csrf()), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashError", "account.activation.disabled"));
		step(base, "to", "ACTIVE", "note", "返乡");
		assertThat(enabled(first.accountId())).as("reinstating her enables it").isTrue();
		step(base, "to", "WITHDRAWN", "note", "随子女迁居");
		assertThat(enabled(first.accountId())).as("withdrawing disables it").isFalse();
		page(post("/accounts/" + first.accountId() + "/enabled").with(csrf()).param("enabled", "true"), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashError", "account.enable.volunteerFromRecord"));
		assertThat(enabled(first.accountId())).as("account administration cannot bring it back").isFalse();
		assertThat(audit(id, "account #" + first.accountId() + " disabled")).isEqualTo(2);
		assertThat(audit(id, "account #" + first.accountId() + " enabled")).isEqualTo(1);
		page(get(base), LOUFAN_STAFF).andExpect(content().string(containsString("已停用")))
			.andExpect(content().string(not(containsString("id=\"reissue-code\""))));
	}

	@Test
	void aReplacedAccountIsDisabledAndHerRecordMovesToTheNewOne() throws Exception {
		long id = register("秦秀英");
		Activation first = create(id, "qinxiuying-old");
		page(get("/volunteers/" + id + "/account"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("qinxiuying-old")))
			.andExpect(content().string(containsString("/account/replace")));
		page(post("/volunteers/" + id + "/account").with(csrf()).param("username", "qinxiuying-x"), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已经有登录账号")));
		page(post("/volunteers/" + id + "/account/replace").with(csrf()).param("username", "qinxiuying-old"),
				LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该用户名已被使用")));
		Activation second = activationFrom(
				page(post("/volunteers/" + id + "/account/replace").with(csrf()).param("username", "qinxiuying-new"),
						LOUFAN_STAFF)
					.andExpect(status().is3xxRedirection())
					.andReturn());
		assertThat(this.jdbc.queryForObject("select account_id from volunteer where id = ?", Long.class, id))
			.isEqualTo(second.accountId());
		assertThat(enabled(first.accountId())).isFalse();
		assertThat(enabled(second.accountId())).isTrue();
	}

	@Test
	void badNamesAreRefusedAndNothingIsSaved() throws Exception {
		long id = register("赵兰");
		long accounts = this.jdbc.queryForObject("select count(*) from app_user", Long.class);
		for (String bad : new String[] { "", "ab", "王秀英", "a b c", "x".repeat(41), "<script>", "-abc" }) {
			page(post("/volunteers/" + id + "/account").with(csrf()).param("username", bad), LOUFAN_STAFF)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("is-invalid")));
		}
		page(post("/volunteers/" + id + "/account").with(csrf()).param("username", "admin"), LOUFAN_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该用户名已被使用")));
		assertThat(this.jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(accounts);
		assertThat(this.jdbc.queryForObject("select account_id from volunteer where id = ?", Long.class, id)).isNull();
		this.mvc.perform(post("/activate").with(csrf()).param("username", "x").param("code", "%%%"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此项为必填项")));
	}

	@Test
	void onlyStaffOfHerFederationOrAboveMakeHerAccount() throws Exception {
		long id = register("孙兰芳");
		String base = "/volunteers/" + id + "/account";
		page(get(base), XINZHOU_OFFICIAL).andExpect(status().isForbidden());
		page(post(base).with(csrf()).param("username", "sunlanfang-x"), XINZHOU_OFFICIAL)
			.andExpect(status().isForbidden());
		page(get(base), LOUFAN_MOTHER).andExpect(status().isForbidden());
		page(get(base), SHENCHI_STAFF).andExpect(status().isNotFound());
		page(post(base).with(csrf()).param("username", "sunlanfang-x"), SHENCHI_STAFF).andExpect(status().isNotFound());
		page(post(base + "/code").with(csrf()), SHENCHI_STAFF).andExpect(status().isNotFound());
		page(get(base + "/slip"), SHENCHI_STAFF).andExpect(status().isNotFound());
		this.mvc.perform(get(base)).andExpect(status().is3xxRedirection()).andExpect(unauthenticated());
		page(post(base).param("username", "sunlanfang-x"), LOUFAN_STAFF).andExpect(status().isForbidden());
		assertThat(
				this.jdbc.queryForObject("select count(*) from app_user where username = 'sunlanfang-x'", Long.class))
			.isZero();
	}

	@Test
	void aReminderIsOfferedOnlyToAMotherWithAnAccount() throws Exception {
		Long pairing = this.jdbc.queryForObject("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join federation f on f.id = v.federation_id
				where p.end_date is null and v.account_id is null and f.path like (
				    select path || '%' from federation where code = '140123')""", Long.class);
		long reminders = this.jdbc.queryForObject("select count(*) from reminder", Long.class);
		page(post("/visits/remind/" + pairing).with(csrf()), LOUFAN_STAFF)
			.andExpect(flash().attribute("flashError", "visit.remind.noChannel"));
		assertThat(this.jdbc.queryForObject("select count(*) from reminder", Long.class)).isEqualTo(reminders);
		page(get("/"), LOUFAN_STAFF).andExpect(status().isOk()).andExpect(content().string(containsString("她还没有登录账号")));
	}

	private long register(String name) throws Exception {
		String idNumber = TestIdNumbers.woman("140123");
		page(post("/volunteers/new").with(csrf())
			.param("name", name)
			.param("gender", "FEMALE")
			.param("birthDate", IdNumbers.birthDate(idNumber).toString())
			.param("idNumber", idNumber)
			.param("phone", "13912345678")
			.param("federationCode", "140123101")
			.param("role", "MOTHER"), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		return this.jdbc.queryForObject("select max(id) from volunteer where name = ?", Long.class, name);
	}

	private Activation create(long id, String username) throws Exception {
		return activationFrom(
				page(post("/volunteers/" + id + "/account").with(csrf()).param("username", username), LOUFAN_STAFF)
					.andExpect(status().is3xxRedirection())
					.andExpect(redirectedUrl("/volunteers/" + id + "/account/slip"))
					.andReturn());
	}

	private static Activation activationFrom(MvcResult result) {
		return (Activation) result.getFlashMap().get("activation");
	}

	private void activateExpectingError(String username, String code, String password, String confirm, String message)
			throws Exception {
		this.mvc
			.perform(post("/activate").with(csrf())
				.param("username", username)
				.param("code", code)
				.param("newPassword", password)
				.param("confirmPassword", confirm))
			.andExpect(status().isOk())
			.andExpect(unauthenticated())
			.andExpect(content().string(containsString(message)));
	}

	private void step(String base, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post(base + "/status").with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		page(request, LOUFAN_STAFF).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "volunteer.statusChanged"));
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	private long audit(long volunteerId, String summary) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where record_type = 'VOLUNTEER' and record_id = ? and summary like ?",
				Long.class, volunteerId, summary + "%");
	}

	private int failedAttempts(long accountId) {
		return this.jdbc.queryForObject("select failed_attempts from app_user where id = ?", Integer.class, accountId);
	}

	private boolean enabled(long accountId) {
		return this.jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, accountId);
	}

}
