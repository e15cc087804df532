package org.caringmothers.browser;

import java.time.LocalDate;

import org.caringmothers.common.privacy.IdNumbers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff of 娄烦县 register a caring mother and take her from application to service:
 * screening, training hours, training done, oath; each step shows in her history, and her
 * ID number is masked until revealed.
 */
class VolunteerLifecycleJourneyIT extends BrowserTestSupport {

	@Test
	void staffRegisterAMotherAndMoveHerToActive() {
		long unique = System.nanoTime() % 100_000;
		LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(unique % 3000);
		String idNumber = IdNumbers.withCheckCharacter(String.format("140123%04d%02d%02d%02d%d", birth.getYear(),
				birth.getMonthValue(), birth.getDayOfMonth(), 90 + (int) (unique % 10), 2 * (int) (unique % 5)));
		String name = "浏览器妈妈" + unique;
		signIn(DemoUser.LOUFAN_STAFF);
		open("/volunteers/new");
		clickable(By.cssSelector("input[name='role'][value='MOTHER']")).click();
		type(By.id("name"), name);
		clickable(By.cssSelector("input[name='gender'][value='FEMALE']")).click();
		setDate(By.id("birthDate"), birth);
		type(By.id("idNumber"), idNumber);
		type(By.id("phone"), String.format("139%08d", unique));
		type(By.id("federationCode"), "140123101");
		type(By.id("workUnit"), "静游镇中心小学");
		type(By.id("occupation"), "教师");
		clickable(By.cssSelector("input[name='skills'][value='TEACHER']")).click();
		clickAndWaitForNextPage(By.id("volunteer-submit"));

		assertThat(text(By.id("volunteer-name"))).as(onPage()).contains(name);
		assertThat(text(By.id("volunteer-status"))).isEqualTo("已报名");
		assertThat(text(By.id("volunteer-id-number"))).contains(idNumber.substring(0, 6) + "********")
			.doesNotContain(idNumber);

		WebElement screening = step("SCREENED");
		for (String check : new String[] { "interviewDone", "referencesChecked", "noCriminalRecord" }) {
			screening.findElement(By.id(check)).click();
		}
		clickAndWaitForNextPage(By.cssSelector("form.status-step[data-to='SCREENED'] button[type='submit']"));

		WebElement training = visible(By.id("training-form"));
		setDate(By.id("trainingDate"), LocalDate.now().minusDays(2));
		type(By.id("topic"), "爱心妈妈岗前培训");
		type(By.id("hours"), "2");
		type(By.id("trainer"), "县妇联");
		clickAndWaitForNextPage(By.cssSelector("#training-form button[type='submit']"));
		assertThat(text(By.id("training-hours"))).contains("2");
		assertThat(training).isNotNull();

		step("TRAINED");
		clickAndWaitForNextPage(By.cssSelector("form.status-step[data-to='TRAINED'] button[type='submit']"));
		step("ACTIVE");
		setDate(By.id("oathDate"), LocalDate.now());
		clickAndWaitForNextPage(By.cssSelector("form.status-step[data-to='ACTIVE'] button[type='submit']"));

		assertThat(text(By.id("volunteer-status"))).as(onPage()).isEqualTo("在岗服务");
		String history = text(By.id("history"));
		assertThat(history).contains("已报名").contains("在岗服务").contains("胡春燕");
		assertThat(driver().findElements(By.cssSelector("#history tbody tr"))).hasSizeGreaterThanOrEqualTo(4);

		clickAndWaitForNextPage(By.cssSelector("#volunteer-id-number .reveal-button"));
		assertThat(text(By.cssSelector("#volunteer-id-number .revealed-number"))).isEqualTo(idNumber);
		assertThat(browserErrors()).isEmpty();
	}

	private WebElement step(String to) {
		return visible(By.cssSelector("form.status-step[data-to='" + to + "']"));
	}

	private void setDate(By input, LocalDate date) {
		script("arguments[0].value = arguments[1]", visible(input), date.toString());
	}

}
