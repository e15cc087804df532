package org.caringmothers.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * County staff open an account for a new township colleague, who must choose her own
 * password at her first sign-in before she can use the platform. (A caring mother's
 * account is made from her volunteer record instead: {@link MotherOnboardingJourneyIT}.)
 */
class FirstSignInJourneyIT extends BrowserTestSupport {

	private static final String INITIAL_PASSWORD = "Start-2026x";

	private static final String NEW_PASSWORD = "Qiuhe-2026y";

	@Test
	void newTownshipStaffMustChooseTheirOwnPasswordAtFirstSignIn() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "it-staff-" + suffix;
		String displayName = "测试干部" + suffix.substring(0, 4);

		signIn(DemoUser.LOUFAN_STAFF);
		createTownshipStaff(username, displayName, "140123101", INITIAL_PASSWORD);
		WebElement row = visible(By.xpath("//table[@id='accounts']//tr[td[normalize-space()='" + username + "']]"));
		assertThat(row.findElement(By.xpath("td[2]")).getText()).as("the name is saved as typed " + describePage())
			.isEqualTo(displayName);
		assertThat(row.getText()).as(onPage()).contains("静游镇").contains("待改密码");
		signOut();

		signIn(username, INITIAL_PASSWORD);
		// staff enrol an authenticator first (SecondFactorJourneyIT), then choose a
		// password
		Enrolled enrolled = enrolSecondFactor();
		clickAndWaitForNextPage(By.id("recovery-continue"));
		assertThat(currentPath()).as(onPage()).isEqualTo("/account/password");
		assertThat(visible(By.id("must-change")).isDisplayed()).as(onPage()).isTrue();
		assertThat(text(By.id("current-user"))).as(onPage()).isEqualTo(displayName);
		assertOneInputEach("currentPassword", "newPassword", "confirmPassword");

		open("/");
		assertThat(currentPath()).as("the home page leads back to the password page " + describePage())
			.isEqualTo("/account/password");
		assertThat(visible(By.id("must-change")).isDisplayed()).as(onPage()).isTrue();
		assertThat(isPresent(By.id("home"))).as(onPage()).isFalse();

		type(By.id("currentPassword"), INITIAL_PASSWORD);
		type(By.id("newPassword"), NEW_PASSWORD);
		type(By.id("confirmPassword"), NEW_PASSWORD);
		clickAndWaitForNextPage(By.id("password-submit"));

		assertThat(currentPath()).as(onPage()).isEqualTo("/");
		assertThat(visible(By.id("home")).getDomAttribute("data-role")).as(onPage()).isEqualTo("STAFF");
		assertThat(text(By.cssSelector("#home h1"))).as(onPage()).isEqualTo("静游镇");
		assertThat(text(By.id("flash-success"))).as(onPage()).isEqualTo("密码已修改。");
		assertThat(text(By.id("current-federation"))).as(onPage()).isEqualTo("静游镇");
		signOut();

		signIn(username, INITIAL_PASSWORD);
		assertThat(text(By.id("login-error"))).as("the initial password no longer works " + describePage())
			.isEqualTo("用户名或密码不正确，或账号暂时无法登录。");

		signIn(username, NEW_PASSWORD);
		assertThat(currentPath()).as(onPage()).isEqualTo("/login/code");
		type(By.id("code"), enrolled.recoveryCodes().get(0));
		clickAndWaitForNextPage(By.id("code-submit"));
		assertThat(currentPath()).as(onPage()).isEqualTo("/");
		assertThat(text(By.cssSelector("#home h1"))).as(onPage()).isEqualTo("静游镇");
		assertThat(isPresent(By.id("must-change"))).as(onPage()).isFalse();
		open("/account/password");
		assertThat(isPresent(By.id("must-change"))).as("no password change is demanded any more " + describePage())
			.isFalse();
	}

	/**
	 * Each field of the form is shown (and sent) once: a second box with the same name
	 * would be sent too and the values joined with a comma.
	 */
	private void assertOneInputEach(String... fields) {
		for (String field : fields) {
			assertThat(driver().findElements(By.name(field))).as("form fields named '%s' %s", field, describePage())
				.hasSize(1);
		}
	}

	private void createTownshipStaff(String username, String displayName, String federationCode, String password) {
		open("/accounts");
		clickAndWaitForNextPage(By.id("new-account"));
		visible(By.id("account-form"));
		assertOneInputEach("username", "displayName", "role", "federationCode", "initialPassword");
		type(By.id("username"), username);
		type(By.id("displayName"), displayName);
		new Select(visible(By.id("role"))).selectByValue("STAFF");
		type(By.id("federationCode"), federationCode);
		type(By.id("initialPassword"), password);
		clickAndWaitForNextPage(By.id("account-submit"));
		assertThat(currentPath()).as(onPage()).isEqualTo("/accounts");
		assertThat(text(By.id("flash-success"))).as(onPage()).isEqualTo("已创建账号 " + username + "。");
	}

}
