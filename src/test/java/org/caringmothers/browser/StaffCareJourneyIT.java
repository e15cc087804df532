package org.caringmothers.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * County staff of 娄烦县 in a day of the programme, on a 360 px phone: the safety concern is
 * the first thing on their home page, a contact the mother has just logged waits in the
 * review queue, and an unpaired child is paired with the first suggested mother.
 */
class StaffCareJourneyIT extends BrowserTestSupport {

	@Override
	protected org.openqa.selenium.Dimension initialWindowSize() {
		return PHONE;
	}

	@Test
	void aSafetyConcernTopsTheStaffHomePage() {
		signIn(DemoUser.LOUFAN_STAFF);
		WebElement main = visible(By.tagName("main"));
		List<WebElement> sections = main
			.findElements(By.cssSelector("#mandatory-reports, #care-gaps, #children-by-status"));
		assertThat(sections).as(onPage()).isNotEmpty();
		assertThat(sections.get(0).getAttribute("id")).isEqualTo("mandatory-reports");
		assertThat(text(By.id("mandatory-reports"))).contains("须强制报告");
		clickAndWaitForNextPage(By.cssSelector("#mandatory-reports a"));
		assertThat(text(By.id("mandatory-report"))).contains("强制报告");
	}

	@Test
	void aContactJustLoggedByTheMotherWaitsInTheReviewQueue() {
		String note = "浏览器测试记录" + System.nanoTime();
		resizeWindow(PHONE);
		signIn(DemoUser.LOUFAN_MOTHER);
		clickAndWaitForNextPage(By.cssSelector(".child-card:not(.overdue) .log-visit"));
		clickable(By.cssSelector("input[name='mode'][value='PHONE']")).click();
		clickable(By.cssSelector("input[name='careTypes'][value='COMFORT']")).click();
		type(By.id("notes"), note);
		clickAndWaitForNextPage(By.id("visit-submit"));
		visible(By.id("flash-success"));
		signOut();

		signIn(DemoUser.LOUFAN_STAFF);
		open("/visits/review");
		assertThat(text(By.tagName("main"))).as(onPage()).contains(note);
	}

	@Test
	void staffPairAnUnpairedChildWithTheFirstSuggestedMother() {
		signIn(DemoUser.LOUFAN_STAFF);
		open("/pairings/unpaired");
		clickAndWaitForNextPage(By.cssSelector("#unpaired-children tbody a"));
		WebElement first = visible(By.cssSelector("#suggestions li"));
		String mother = first.findElement(By.cssSelector(".fw-semibold")).getText();
		assertThat(first.getText()).containsAnyOf("同村", "同乡镇", "同县");
		clickAndWaitForNextPage(By.cssSelector("#suggestions li .pair-button"));
		assertThat(text(By.id("flash-success"))).contains(mother);
		assertThat(text(By.id("pairing-history"))).contains(mother).contains("进行中");
		assertThat(isPresent(By.id("suggestions"))).isFalse();
	}

}
