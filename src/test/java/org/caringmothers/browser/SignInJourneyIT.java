package org.caringmothers.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out with each demo account, a wrong password, and a caring mother trying
 * to open a page meant for staff.
 */
class SignInJourneyIT extends BrowserTestSupport {

	private static final String LOGIN_ERROR = "用户名或密码不正确，或账号暂时无法登录。";

	@ParameterizedTest
	@EnumSource(DemoUser.class)
	void eachDemoAccountSignsInToItsOwnHomePageAndSignsOut(DemoUser user) {
		signIn(user.username(), DemoUser.PASSWORD);

		assertThat(currentPath()).as(onPage()).isEqualTo("/");
		assertThat(visible(By.id("home")).getDomAttribute("data-role")).as(onPage()).isEqualTo(user.role().name());
		assertThat(text(By.cssSelector("#home h1"))).as(onPage()).isEqualTo(user.homeHeading());
		assertThat(text(By.id("current-user"))).as(onPage()).isEqualTo(user.displayName());
		assertThat(text(By.id("current-federation"))).as(onPage()).isEqualTo(user.federationName());

		signOut();

		assertThat(currentPath()).as(onPage()).isEqualTo("/login");
		assertThat(text(By.id("logout-message"))).as(onPage()).isEqualTo("您已安全退出。");
		assertThat(isPresent(By.id("current-user"))).as(onPage()).isFalse();
		open("/");
		assertThat(currentPath()).as("signed out, the home page leads to the login page " + describePage())
			.isEqualTo("/login");
		assertThat(isPresent(By.id("home"))).as(onPage()).isFalse();
	}

	@Test
	void wrongPasswordShowsTheGenericErrorAndStaysOnTheLoginPage() {
		signIn(DemoUser.XINZHOU_OFFICIAL.username(), "not-the-password-1");

		assertThat(currentPath()).as(onPage()).isEqualTo("/login");
		assertThat(currentQuery()).as(onPage()).isEqualTo("error");
		assertThat(text(By.id("login-error"))).as(onPage()).isEqualTo(LOGIN_ERROR);
		assertThat(isPresent(By.id("current-user"))).as(onPage()).isFalse();
		assertThat(visible(By.id("username")).isDisplayed()).as(onPage()).isTrue();
	}

	@Test
	void unknownUsernameShowsTheSameErrorAsAWrongPassword() {
		signIn("nobody.here", DemoUser.PASSWORD);

		assertThat(currentPath()).as(onPage()).isEqualTo("/login");
		assertThat(text(By.id("login-error"))).as(onPage()).isEqualTo(LOGIN_ERROR);
		assertThat(isPresent(By.id("current-user"))).as(onPage()).isFalse();
	}

	@Test
	void caringMotherCannotOpenTheFederationTree() {
		signIn(DemoUser.LOUFAN_MOTHER);
		assertThat(driver().findElements(By.cssSelector("a.nav-link[href='/federations']")))
			.as("the navigation offers no federation tree to a caring mother " + describePage())
			.isEmpty();

		open("/federations");

		assertThat(visible(By.id("error-403")).isDisplayed()).as(onPage()).isTrue();
		assertThat(text(By.cssSelector("#error-403 h1"))).as(onPage()).isEqualTo("无权访问");
		assertThat(isPresent(By.id("federation-tree"))).as(onPage()).isFalse();
		assertThat(text(By.id("current-user"))).as("the error page still shows who is signed in " + describePage())
			.isEqualTo(DemoUser.LOUFAN_MOTHER.displayName());
	}

}
