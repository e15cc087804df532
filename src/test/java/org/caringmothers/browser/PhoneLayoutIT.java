package org.caringmothers.browser;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a small phone (360 × 740) the pages a caring mother uses fit the screen without
 * sideways scrolling and run without console errors.
 */
class PhoneLayoutIT extends BrowserTestSupport {

	@Override
	protected Dimension initialWindowSize() {
		return PHONE;
	}

	@BeforeEach
	void checkTheWindowIsPhoneSized() {
		open("/login");
		assertThat(viewportWidth()).as("the page is laid out for a phone-sized viewport").isEqualTo(PHONE.getWidth());
		browserErrors();
	}

	@Test
	void loginPageFitsThePhone() {
		open("/login");
		visible(By.id("login-submit"));

		assertNoHorizontalScroll();
		assertThat(browserErrors()).as("console errors on the login page " + describePage()).isEmpty();
	}

	@Test
	void caringMothersHomePageFitsThePhone() {
		signIn(DemoUser.LOUFAN_MOTHER);

		assertThat(text(By.cssSelector("#home h1"))).as(onPage()).isEqualTo(DemoUser.LOUFAN_MOTHER.homeHeading());
		assertNoHorizontalScroll();
		assertThat(browserErrors()).as("console errors while signing in and on the home page " + describePage())
			.isEmpty();

		signOut();
		assertThat(browserErrors()).as("console errors while signing out " + describePage()).isEmpty();
	}

	@Test
	void pagesHaveATabIcon() {
		open("/login");
		visible(By.id("login-submit"));

		assertThat(pageIconStatus())
			.as("HTTP status of the tab icon (a missing icon is a console error) " + describePage())
			.isEqualTo(200);
	}

	/**
	 * Guards the console check above: a script the Content Security Policy blocks must
	 * show up as an error.
	 */
	@Test
	void consoleCheckCatchesContentSecurityPolicyViolations() {
		open("/login");
		visible(By.id("login-submit"));
		browserErrors();

		script("var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
				+ " document.head.appendChild(s);");

		List<String> errors = waitFor((driver) -> {
			List<String> found = browserErrors();
			return found.isEmpty() ? null : found;
		});
		assertThat(errors).as("the blocked inline script is reported")
			.anyMatch((e) -> e.contains("Content Security Policy"));
		assertThat(script("return window.inlineRan === true")).as("the inline script did not run").isEqualTo(false);
	}

	private void assertNoHorizontalScroll() {
		@SuppressWarnings("unchecked")
		List<Number> widths = (List<Number>) script("return [document.documentElement.scrollWidth, window.innerWidth]");
		assertThat(widths.get(0).longValue())
			.as("page width %s must not exceed the screen width %s %s", widths.get(0), widths.get(1), describePage())
			.isLessThanOrEqualTo(widths.get(1).longValue());
	}

}
