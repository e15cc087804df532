package org.caringmothers.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions end when their account changes (role, federation, password, status, second
 * factor) and after 12 hours at most; a second factor (TOTP) is enrolled and asked for;
 * an address failing across many accounts is paused. Real sign-ins through the sign-in
 * form, each user in her own session; the application's clock is moved by the test.
 */
@SpringBootTest(properties = "caringmothers.sign-in.address-limit=5")
@AutoConfigureMockMvc
class SessionRevocationTests {

	private static final String PASSWORD = "Sunny-orchard-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		this.clock.offset = Duration.ZERO;
	}

	@Test
	void aStaffSessionDemotedThenDisabledIsRefusedAtOnce() throws Exception {
		long id = exemptAccount("revoke.staff", Role.STAFF, "140123");
		MockHttpSession staff = signIn("revoke.staff", PASSWORD);
		MockHttpSession other = signIn("revoke.staff", PASSWORD);
		this.mvc.perform(get("/children").session(staff)).andExpect(status().isOk());
		this.mvc.perform(get("/accounts").session(other)).andExpect(status().isOk());

		// the administrator makes her a city official: both sessions end at their next
		// request
		this.mvc
			.perform(post("/accounts/" + id + "/edit").param("displayName", "撤销测试")
				.param("role", "OFFICIAL")
				.param("federationCode", "140100")
				.param("version", version(id))
				.with(asAdmin())
				.with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		this.mvc.perform(get("/children").session(staff)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/accounts").session(other)).andExpect(redirectedUrl("/login"));
		assertThat(staff.isInvalid()).isTrue();

		// signed in again she is an official, who sees no child
		MockHttpSession official = signIn("revoke.staff", PASSWORD);
		this.mvc.perform(get("/children").session(official)).andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard").session(official)).andExpect(status().isOk());

		// disabled: that session ends too
		this.mvc.perform(post("/accounts/" + id + "/enabled").param("enabled", "false").with(asAdmin()).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		this.mvc.perform(get("/dashboard").session(official)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/children/1").session(official)).andExpect(redirectedUrl("/login"));
		assertThat(revocations("revoke.staff")).containsExactly("revoke.staff: all sessions ended (disabled)",
				"revoke.staff: all sessions ended (role or federation changed)");
	}

	@Test
	void changingOnesPasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
		long id = exemptAccount("revoke.password", Role.STAFF, "140123");
		MockHttpSession phone = signIn("revoke.password", PASSWORD);
		MockHttpSession desk = signIn("revoke.password", PASSWORD);
		String newPassword = "Quiet-lantern-river-9";
		this.mvc
			.perform(post("/account/password").param("currentPassword", PASSWORD)
				.param("newPassword", newPassword)
				.param("confirmPassword", newPassword)
				.session(desk)
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/children").session(desk)).andExpect(status().isOk());
		this.mvc.perform(get("/children").session(phone)).andExpect(redirectedUrl("/login"));

		// a password reset by someone else ends every session, this one too
		this.mvc
			.perform(post("/accounts/" + id + "/password").param("temporaryPassword", "Maple-harbour-bells-4")
				.with(asAdmin())
				.with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		this.mvc.perform(get("/children").session(desk)).andExpect(redirectedUrl("/login"));
		assertThat(revocations("revoke.password")).containsExactly(
				"revoke.password: all sessions ended (password reset by admin)",
				"revoke.password: other sessions ended (own password changed)");
	}

	@Test
	void aSessionLastsTwelveHoursAtMost() throws Exception {
		exemptAccount("revoke.lifetime", Role.STAFF, "140123");
		MockHttpSession session = signIn("revoke.lifetime", PASSWORD);
		this.clock.offset = Duration.ofHours(11).plusMinutes(50);
		this.mvc.perform(get("/children").session(session)).andExpect(status().isOk());
		this.clock.offset = Duration.ofHours(12).plusMinutes(1);
		this.mvc.perform(get("/children").session(session)).andExpect(redirectedUrl("/login"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void staffEnrolAnAuthenticatorAtFirstSignInAndGiveACodeEachTime() throws Exception {
		this.accounts.createIfAbsent("totp.staff", "两步测试", Role.STAFF, "140123", PASSWORD, false);
		MockHttpSession session = signIn("totp.staff", PASSWORD);
		// nothing but the enrolment opens
		this.mvc.perform(get("/children").session(session)).andExpect(redirectedUrl("/account/second-factor"));
		this.mvc.perform(get("/login/code").session(session)).andExpect(redirectedUrl("/account/second-factor"));
		String page = this.mvc.perform(get("/account/second-factor").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"second-factor-qr\"");
		byte[] secret = Totp.fromBase32(first(page, "id=\"second-factor-secret\">([A-Z2-7 ]+)<"));
		assertThat(this.jdbc.queryForObject("select totp_secret_cipher from app_user where username = 'totp.staff'",
				String.class))
			.as("kept encrypted")
			.startsWith("A256GCM.")
			.doesNotContain(Totp.base32(secret));

		String wrong = this.mvc
			.perform(post("/account/second-factor").param("code", "000000").session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrong).contains("id=\"code-error\"");
		this.mvc.perform(get("/children").session(session)).andExpect(redirectedUrl("/account/second-factor"));

		String enrolmentCode = code(secret);
		String shown = this.mvc
			.perform(post("/account/second-factor").param("code", enrolmentCode).session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> recovery = all(shown, "class=\"recovery-code\">([a-z0-9-]+)<");
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
		this.mvc.perform(get("/children").session(session)).andExpect(status().isOk());

		// next sign-in: the code page; the enrolment's code cannot be used again
		MockHttpSession again = signIn("totp.staff", PASSWORD);
		this.mvc.perform(get("/children").session(again)).andExpect(redirectedUrl("/login/code"));
		this.mvc.perform(get("/account/second-factor").session(again)).andExpect(redirectedUrl("/login/code"));
		this.mvc.perform(post("/login/code").param("code", enrolmentCode).session(again).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/children").session(again)).andExpect(redirectedUrl("/login/code"));
		this.clock.offset = Duration.ofSeconds(Totp.STEP_SECONDS);
		this.mvc.perform(post("/login/code").param("code", code(secret)).session(again).with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/children").session(again)).andExpect(status().isOk());

		// a recovery code works once
		MockHttpSession recovered = signIn("totp.staff", PASSWORD);
		this.mvc.perform(post("/login/code").param("code", recovery.get(3)).session(recovered).with(csrf()))
			.andExpect(redirectedUrl("/"));
		MockHttpSession replayed = signIn("totp.staff", PASSWORD);
		this.mvc.perform(post("/login/code").param("code", recovery.get(3)).session(replayed).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/").session(replayed)).andExpect(redirectedUrl("/login/code"));
		assertThat(this.jdbc.queryForObject("select failed_attempts from app_user where username = 'totp.staff'",
				Integer.class))
			.as("the wrong codes count towards the lock-out")
			.isEqualTo(1);

		// the administrator resets it: every session ends, and she enrols again
		long id = this.jdbc.queryForObject("select id from app_user where username = 'totp.staff'", Long.class);
		this.mvc.perform(post("/accounts/" + id + "/second-factor/reset").with(asAdmin()).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));
		this.mvc.perform(get("/children").session(again)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/children").session(session)).andExpect(redirectedUrl("/login"));
		MockHttpSession afresh = signIn("totp.staff", PASSWORD);
		this.mvc.perform(get("/").session(afresh)).andExpect(redirectedUrl("/account/second-factor"));
		assertThat(this.jdbc.queryForObject("select count(*) from account_recovery_code where account_id = ?",
				Integer.class, id))
			.isZero();
		assertThat(this.jdbc.queryForList(
				"select summary from audit_entry where action = 'SECOND_FACTOR' and record_id = ? order by id",
				String.class, id))
			.containsExactly("totp.staff: authenticator enrolled, 10 recovery codes issued",
					"totp.staff: code from the authenticator accepted", "totp.staff: recovery code used, 9 left",
					"totp.staff: second factor reset by admin");
	}

	@Test
	void aCaringMotherMayTurnTheSecondFactorOnForHerself() throws Exception {
		this.accounts.createIfAbsent("totp.mother", "自愿两步", Role.VOLUNTEER, "140123101", PASSWORD, false);
		MockHttpSession session = signIn("totp.mother", PASSWORD);
		// optional for her: signed in with her password alone
		this.mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
		String page = this.mvc.perform(get("/account/second-factor").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		byte[] secret = Totp.fromBase32(first(page, "id=\"second-factor-secret\">([A-Z2-7 ]+)<"));
		this.mvc.perform(post("/account/second-factor").param("code", code(secret)).session(session).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
		// from now on she gives a code too, and before it nothing opens
		MockHttpSession next = signIn("totp.mother", PASSWORD);
		this.mvc.perform(get("/my/offline").session(next)).andExpect(redirectedUrl("/login/code"));
		this.mvc.perform(get("/account/password").session(next)).andExpect(redirectedUrl("/login/code"));
		this.clock.offset = Duration.ofSeconds(Totp.STEP_SECONDS);
		this.mvc.perform(post("/login/code").param("code", code(secret)).session(next).with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/account/password").session(next)).andExpect(status().isOk());
	}

	@Test
	void sixWrongCodesLockTheAccount() throws Exception {
		this.accounts.createIfAbsent("totp.locked", "锁定两步", Role.STAFF, "140123", PASSWORD, false);
		MockHttpSession session = signIn("totp.locked", PASSWORD);
		String page = this.mvc.perform(get("/account/second-factor").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		byte[] secret = Totp.fromBase32(first(page, "id=\"second-factor-secret\">([A-Z2-7 ]+)<"));
		for (int i = 0; i < 6; i++) {
			this.mvc
				.perform(post("/account/second-factor").param("code", "12345" + i)
					.session(session)
					.with(from("198.51.100.6"))
					.with(csrf()))
				.andExpect(status().isOk());
		}
		String locked = this.mvc
			.perform(post("/account/second-factor").param("code", code(secret)).session(session).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(locked).contains("id=\"code-error\"");
		this.mvc.perform(get("/children").session(session)).andExpect(redirectedUrl("/account/second-factor"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'LOCKED_OUT' and actor_username = 'totp.locked'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void anAddressFailingAcrossManyAccountsIsPausedForAWhile() throws Exception {
		String address = "203.0.113.77";
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/login").param("username", "guess.user" + i)
					.param("password", "Wrong-guess-" + i)
					.with(from(address))
					.with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		// even the right password is refused from there now, with the minutes to wait
		this.mvc
			.perform(post("/login").param("username", DemoUsers.LOUFAN_STAFF)
				.param("password", DemoUsers.PASSWORD)
				.with(from(address))
				.with(csrf()))
			.andExpect(redirectedUrl("/login?paused=15"));
		String page = this.mvc.perform(get("/login").param("paused", "15"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"paused-message\"").contains("15 分钟");
		// another address is not concerned
		this.mvc
			.perform(post("/login").param("username", DemoUsers.LOUFAN_STAFF)
				.param("password", DemoUsers.PASSWORD)
				.with(from("203.0.113.78"))
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
		assertThat(this.jdbc.queryForList("select summary from audit_entry where action = 'ADDRESS_BLOCKED'",
				String.class))
			.containsExactly(address + " paused for 15 minutes after 5 failures within 15 minutes");
		// after the pause it may try again
		this.clock.offset = Duration.ofMinutes(16);
		this.mvc
			.perform(post("/login").param("username", DemoUsers.LOUFAN_STAFF)
				.param("password", DemoUsers.PASSWORD)
				.with(from(address))
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	private long exemptAccount(String username, Role role, String federation) {
		this.accounts.createIfAbsent(username, "撤销测试", role, federation, PASSWORD, false);
		this.accounts.exemptFromSecondFactor(username);
		return this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	private MockHttpSession signIn(String username, String password) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private RequestPostProcessor asAdmin() {
		return new DemoUsers(this.userDetails).as(DemoUsers.ADMIN);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String version(long id) {
		return String.valueOf(this.jdbc.queryForObject("select version from app_user where id = ?", Long.class, id));
	}

	private List<String> revocations(String username) {
		return this.jdbc.queryForList("""
				select summary from audit_entry where action = 'SESSIONS_REVOKED'
				and record_id = (select id from app_user where username = ?) order by id desc""", String.class,
				username);
	}

	private String code(byte[] secret) {
		return Totp.code(secret, Totp.step(this.clock.instant().getEpochSecond()));
	}

	private static String first(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as("%s in the page", regex).isTrue();
		return matcher.group(1);
	}

	private static List<String> all(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1).replace("-", ""));
		}
		return found;
	}

	/** The application's clock, which the test moves forward. */
	static class MovableClock extends Clock {

		volatile Duration offset = Duration.ZERO;

		@Override
		public ZoneId getZone() {
			return ZoneId.systemDefault();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
