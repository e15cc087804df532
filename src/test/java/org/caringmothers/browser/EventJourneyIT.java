package org.caringmothers.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * County staff record a training they held, list a caring mother who attended, and find
 * the training's hours on her profile.
 */
class EventJourneyIT extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void staffRecordATrainingAndTheMotherIsCreditedWithItsHours() {
		long mother = this.jdbc.queryForObject("""
				select min(v.id) from volunteer v join federation f on f.id = v.federation_id
				where v.role = 'MOTHER' and v.status = 'ACTIVE' and v.account_id is null
				  and f.path like (select path || '%' from federation where code = '140123')""", Long.class);
		String name = this.jdbc.queryForObject("select name from volunteer where id = ?", String.class, mother);
		BigDecimal before = this.jdbc.queryForObject(
				"select coalesce(sum(hours), 0) from volunteer_training where volunteer_id = ?", BigDecimal.class,
				mother);
		String title = "浏览器培训" + System.nanoTime() % 100000;

		signIn(DemoUser.LOUFAN_STAFF);
		open("/events");
		clickAndWaitForNextPage(By.id("new-event"));
		new Select(visible(By.id("type"))).selectByValue("TRAINING");
		type(By.id("title"), title);
		setDate(By.id("eventDate"), LocalDate.now().minusDays(1));
		type(By.id("federationCode"), "140123");
		type(By.id("place"), "县妇联会议室");
		type(By.id("attendanceCount"), "15");
		type(By.id("hours"), "2.5");
		type(By.id("trainer"), "白老师");
		clickAndWaitForNextPage(By.id("event-submit"));

		assertThat(text(By.id("event-title"))).as(onPage()).isEqualTo(title);
		assertThat(text(By.id("event-hours"))).isEqualTo("2.5");
		type(By.id("q"), name);
		clickAndWaitForNextPage(By.id("attendee-search"));
		clickAndWaitForNextPage(By.cssSelector(".add-attendee[data-volunteer='" + mother + "']"));
		assertThat(text(By.id("flash-success"))).as(onPage()).contains(name);
		assertThat(text(By.id("attendees"))).contains(name);
		assertThat(browserErrors()).isEmpty();

		// several at once: search, tick two, add them together
		type(By.id("q"), name.substring(0, 1));
		clickAndWaitForNextPage(By.id("attendee-search"));
		List<WebElement> ticks = driver().findElements(By.cssSelector("#candidates input[name='volunteerIds']"));
		assertThat(ticks).as(onPage()).hasSizeGreaterThanOrEqualTo(2);
		ticks.get(0).click();
		ticks.get(1).click();
		clickAndWaitForNextPage(By.id("add-ticked"));
		assertThat(text(By.id("flash-success"))).as(onPage()).contains("已登记 2 位志愿者");

		WebElement profile = visible(By.cssSelector("#attendees a[href$='/volunteers/" + mother + "']"));
		assertThat(profile.getText()).isEqualTo(name);
		clickAndWaitForNextPage(By.cssSelector("#attendees a[href$='/volunteers/" + mother + "']"));
		assertThat(text(By.id("volunteer-name"))).as(onPage()).isEqualTo(name);
		String total = before.add(new BigDecimal("2.5")).stripTrailingZeros().toPlainString();
		assertThat(text(By.id("training-hours"))).contains(total);
		assertThat(text(By.id("trainings"))).contains(title).contains("白老师");
	}

	private void setDate(By input, LocalDate date) {
		WebElement element = visible(input);
		script("arguments[0].value = arguments[1]", element, date.toString());
	}

}
