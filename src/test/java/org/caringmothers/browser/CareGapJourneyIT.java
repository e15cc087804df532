package org.caringmothers.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * County staff of 娄烦县 follow up their care gaps: from the weekly digest and the ten most
 * overdue on the home page to the full list, narrowed to late home visits, a reminder
 * sent from there, and its SMS recorded as not sent (no gateway in this build).
 */
class CareGapJourneyIT extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void staffFollowUpTheirCareGapsFromTheHomePage() {
		signIn(DemoUser.LOUFAN_STAFF);
		assertThat(text(By.id("weekly-digest"))).as(onPage())
			.contains("本周关爱简报")
			.contains("近 7 天新出现的关爱缺口")
			.contains("超过 30 天没有联系任何结对孩子的爱心妈妈")
			.contains("超过办理时限仍未解决的急难愁盼");
		String heading = text(By.cssSelector("#care-gaps h2"));
		String total = heading.replaceAll("\\D", "");
		assertThat(present(By.cssSelector("#care-gaps tbody")).findElements(By.tagName("tr"))).hasSizeLessThan(11);

		clickAndWaitForNextPage(By.id("all-care-gaps"));
		assertThat(currentPath()).isEqualTo("/care-gaps");
		assertThat(text(By.tagName("main"))).as(onPage()).contains("共 " + total + " 条");

		new Select(visible(By.id("kind"))).selectByValue("HOME_VISIT");
		clickAndWaitForNextPage(By.cssSelector("main form[role='search'] button[type='submit']"));
		assertThat(currentQuery()).contains("kind=HOME_VISIT");
		List<WebElement> rows = present(By.id("care-gap-list")).findElements(By.cssSelector("tbody tr.care-gap"));
		assertThat(rows).as(onPage()).isNotEmpty();
		assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains("入户走访逾期，自"));

		// her gaps, none of them reminded yet (other journeys may have reminded her)
		this.jdbc.update("""
				delete from reminder where pairing_id in (select p.id from pairing p
				  join volunteer v on v.id = p.volunteer_id join app_user a on a.id = v.account_id
				  where a.username = ?)""", DemoUser.LOUFAN_MOTHER.username());
		open("/care-gaps");
		Select mothers = new Select(visible(By.id("mother")));
		mothers.getOptions()
			.stream()
			.filter(option -> option.getText().startsWith(DemoUser.LOUFAN_MOTHER.displayName() + "（"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("her gaps are not listed on " + describePage()))
			.click();
		clickAndWaitForNextPage(By.cssSelector("main form[role='search'] button[type='submit']"));
		WebElement row = present(By.id("care-gap-list")).findElements(By.cssSelector("tbody tr.care-gap"))
			.stream()
			.filter(candidate -> !candidate.findElements(By.cssSelector(".remind-button")).isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no gap to remind on " + describePage()));
		String child = row.findElement(By.cssSelector("td a")).getText();
		clickAndWaitForNextPage(row.findElement(By.cssSelector(".remind-button")));
		assertThat(currentPath()).isEqualTo("/care-gaps");
		assertThat(text(By.id("flash-success"))).contains("短信未发送（未配置短信网关）");

		clickAndWaitForNextPage(By.linkText("提醒记录"));
		WebElement latest = visible(By.cssSelector("#reminders tbody tr.reminder-line"));
		assertThat(latest.getText()).contains(child).contains("未发送（未配置短信网关）");
	}

}
