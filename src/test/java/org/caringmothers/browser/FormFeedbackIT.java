package org.caringmothers.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a form tells before and after sending, in a real browser: required fields are
 * marked, a long text shows a counter with what is left and is never cut, and a refused
 * form puts the focus on the summary of everything to fix, with the text kept.
 */
class FormFeedbackIT extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void requiredMarksTheCounterAndTheFocusedSummary() {
		long child = this.jdbc.queryForObject("""
				select min(c.id) from child c join federation f on f.id = c.federation_id
				where c.status = 'ACTIVE' and f.code like '140123%'""", Long.class);
		long needsBefore = this.jdbc.queryForObject("select count(*) from need where child_id = ?", Long.class, child);
		signIn(DemoUser.LOUFAN_STAFF);
		open("/needs/new?child=" + child);

		// required fields carry a mark and aria-required before anything is sent
		for (String field : new String[] { "category", "urgency", "description" }) {
			assertThat(isPresent(By.cssSelector("label[for='" + field + "'] .required-mark")))
				.as(field + " " + onPage())
				.isTrue();
			assertThat(visible(By.id(field)).getAttribute("aria-required")).as(field).isEqualTo("true");
		}

		// no counter while far from the limit; near it, the count and what is left
		WebElement description = visible(By.id("description"));
		By counter = By.id("description-counter");
		description.sendKeys("家".repeat(10));
		assertThat(present(counter).isDisplayed()).isFalse();
		description.sendKeys("家".repeat(400));
		assertThat(text(counter)).isEqualTo("410 / 500 · 还可输入 90 字");

		// past the limit nothing is cut: the text stays whole, the counter turns red
		description.sendKeys("家".repeat(95));
		assertThat(description.getAttribute("value")).hasSize(505);
		assertThat(text(counter)).isEqualTo("505 / 500 · 超出 5 字，请删减后再提交");
		assertThat(present(counter).getAttribute("class")).contains("text-danger");
		assertThat(description.getAttribute("class")).contains("is-invalid");

		// sent without a category: refused with both problems at once, the focus on the
		// summary, the long text kept for shortening
		clickAndWaitForNextPage(By.id("need-submit"));
		WebElement summary = visible(By.id("error-summary"));
		assertThat(summary.getText()).as(onPage()).contains("此项为必填项").contains("长度不能超过 500 个字符");
		waitFor(driver -> "error-summary".equals(script("return document.activeElement.id")));
		assertThat(visible(By.id("description")).getAttribute("value")).hasSize(505);
		assertThat(summary.findElements(By.cssSelector("a[href='#category'], a[href='#description']"))).hasSize(2);

		// a link of the summary takes the focus to its field
		summary.findElement(By.cssSelector("a[href='#category']")).click();
		waitFor(driver -> "category".equals(script("return document.activeElement.id")));
		assertThat(this.jdbc.queryForObject("select count(*) from need where child_id = ?", Long.class, child))
			.isEqualTo(needsBefore);
	}

}
