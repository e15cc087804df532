package org.caringmothers.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simplified Chinese by default; the language links switch to English and back, and the
 * choice is remembered from page to page.
 */
class LanguageSwitchIT extends BrowserTestSupport {

	@Test
	void pagesAreInChineseByDefault() {
		open("/login");

		assertThat(text(By.tagName("h1"))).as(onPage()).isEqualTo("登录");
		assertThat(text(By.id("login-submit"))).as(onPage()).isEqualTo("登录");
		assertThat(present(By.tagName("html")).getDomAttribute("lang")).as(onPage()).isEqualTo("zh-CN");

		signIn(DemoUser.SHENCHI_STAFF);
		assertThat(text(By.id("logout"))).as(onPage()).isEqualTo("退出登录");
	}

	@Test
	void englishIsChosenRememberedAndSwitchedBack() {
		open("/login");
		clickAndWaitForNextPage(By.linkText("English"));

		assertThat(text(By.tagName("h1"))).as(onPage()).isEqualTo("Sign in");
		assertThat(text(By.id("login-submit"))).as(onPage()).isEqualTo("Sign in");
		assertThat(present(By.tagName("html")).getDomAttribute("lang")).as(onPage()).isEqualTo("en");

		signIn(DemoUser.SHENCHI_STAFF);
		assertThat(currentQuery()).as("the home page has no language parameter " + describePage()).isNull();
		assertThat(text(By.id("logout"))).as(onPage()).isEqualTo("Sign out");
		assertThat(text(By.cssSelector("#home h1"))).as(onPage()).isEqualTo("神池县");
		assertThat(text(By.cssSelector("#home p.text-muted"))).as(onPage())
			.startsWith("You manage the federations and accounts");

		clickAndWaitForNextPage(By.linkText("Federations"));
		assertThat(text(By.tagName("h1"))).as(onPage()).isEqualTo("Federation tree");
		assertThat(text(By.id("federation-search"))).as(onPage()).isEqualTo("Search");

		clickAndWaitForNextPage(By.linkText("简体中文"));
		assertThat(currentPath()).as("switching stays on the same page " + describePage()).isEqualTo("/federations");
		assertThat(text(By.tagName("h1"))).as(onPage()).isEqualTo("妇联组织树");
		assertThat(text(By.id("logout"))).as(onPage()).isEqualTo("退出登录");
		assertThat(present(By.tagName("html")).getDomAttribute("lang")).as(onPage()).isEqualTo("zh-CN");

		clickAndWaitForNextPage(By.linkText("首页"));
		assertThat(text(By.id("logout"))).as(onPage()).isEqualTo("退出登录");
		assertThat(text(By.cssSelector("#home p.text-muted"))).as(onPage()).startsWith("您负责本级及下级妇联");
	}

}
