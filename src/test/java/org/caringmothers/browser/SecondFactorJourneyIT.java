package org.caringmothers.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator opens a county staff account; at her first sign-in the new colleague
 * sets up an authenticator app (the QR code, or the key typed in), keeps her recovery
 * codes, and from then on signs in with her password and a code, or once with a recovery
 * code when her phone is not at hand.
 */
class SecondFactorJourneyIT extends BrowserTestSupport {

	private static final String INITIAL_PASSWORD = "Start-orchard-2026";

	private static final String NEW_PASSWORD = "Willow-lantern-bridge-7";

	@Test
	void newStaffEnrolAnAuthenticatorAndSignInWithACodeOrARecoveryCode() {
		String username = "it-totp-" + UUID.randomUUID().toString().substring(0, 8);

		signIn(DemoUser.ADMIN);
		open("/accounts/new");
		type(By.id("username"), username);
		type(By.id("displayName"), "两步干部");
		new Select(visible(By.id("role"))).selectByValue("STAFF");
		type(By.id("federationCode"), "140123");
		type(By.id("initialPassword"), INITIAL_PASSWORD);
		clickAndWaitForNextPage(By.id("account-submit"));
		assertThat(text(By.id("flash-success"))).as(onPage()).isEqualTo("已创建账号 " + username + "。");
		signOut();

		// first sign-in: nothing opens before the authenticator is set up
		signIn(username, INITIAL_PASSWORD);
		assertThat(currentPath()).as(onPage()).isEqualTo("/account/second-factor");
		assertThat(isPresent(By.id("logout"))).as("no menu before the second factor " + describePage()).isFalse();
		open("/children");
		assertThat(currentPath()).as(onPage()).isEqualTo("/account/second-factor");
		type(By.id("code"), "000000");
		clickAndWaitForNextPage(By.id("enrol-submit"));
		assertThat(text(By.id("code-error"))).as(onPage()).isEqualTo("验证码不正确或已经用过。请输入身份验证器现在显示的验证码。");
		Enrolled enrolled = enrolSecondFactor();
		clickAndWaitForNextPage(By.id("recovery-continue"));
		assertThat(currentPath()).as(onPage()).isEqualTo("/account/password");
		type(By.id("currentPassword"), INITIAL_PASSWORD);
		type(By.id("newPassword"), NEW_PASSWORD);
		type(By.id("confirmPassword"), NEW_PASSWORD);
		clickAndWaitForNextPage(By.id("password-submit"));
		assertThat(visible(By.id("home")).getDomAttribute("data-role")).as(onPage()).isEqualTo("STAFF");
		open("/account/second-factor");
		assertThat(isPresent(By.id("second-factor-enrolled"))).as(onPage()).isTrue();
		signOut();

		// with a recovery code (once)
		signIn(username, NEW_PASSWORD);
		assertThat(currentPath()).as(onPage()).isEqualTo("/login/code");
		type(By.id("code"), enrolled.recoveryCodes().get(0));
		clickAndWaitForNextPage(By.id("code-submit"));
		assertThat(visible(By.id("home")).getDomAttribute("data-role")).as(onPage()).isEqualTo("STAFF");
		signOut();

		// with a code from the app: the one used at enrolment is refused, a later one
		// works
		signIn(username, NEW_PASSWORD);
		assertThat(currentPath()).as(onPage()).isEqualTo("/login/code");
		type(By.id("code"), enrolled.recoveryCodes().get(0));
		clickAndWaitForNextPage(By.id("code-submit"));
		assertThat(isPresent(By.id("code-error"))).as("a recovery code works once " + describePage()).isTrue();
		type(By.id("code"), org.caringmothers.account.Totp.code(enrolled.secret(), enrolled.step()));
		clickAndWaitForNextPage(By.id("code-submit"));
		assertThat(currentPath()).as(onPage()).isEqualTo("/login/code");
		assertThat(isPresent(By.id("code-error"))).as("the code used at enrolment works once " + describePage())
			.isTrue();
		type(By.id("code"), enrolled.nextCode(enrolled.step()));
		clickAndWaitForNextPage(By.id("code-submit"));
		assertThat(visible(By.id("home")).getDomAttribute("data-role")).as(onPage()).isEqualTo("STAFF");
		assertThat(text(By.id("current-user"))).as(onPage()).isEqualTo("两步干部");
		signOut();
	}

}
