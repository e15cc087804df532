package org.caringmothers.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff of 娄烦县 look for the children of a township by typing its name: names are
 * suggested as they type, the list shows the township's children, and a name that matches
 * nothing is explained.
 */
class FederationPickerJourneyIT extends BrowserTestSupport {

	@Test
	void staffFindATownshipsChildrenByItsName() {
		signIn(DemoUser.LOUFAN_STAFF);
		open("/children");
		type(By.id("federationCode"), "娄烦");
		waitFor(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#federationCode-options option[value='140123100']")));
		assertThat(
				present(By.cssSelector("#federationCode-options option[value='140123100']")).getDomAttribute("label"))
			.isEqualTo("娄烦镇（娄烦县）");

		type(By.id("federationCode"), "娄烦镇");
		clickAndWaitForNextPage(By.cssSelector("form[role='search'] button[type='submit']"));
		assertThat(text(By.id("federationCode-hint"))).as(onPage()).contains("娄烦镇（娄烦县）");
		assertThat(driver().findElements(By.cssSelector("#children tbody tr td:nth-child(5)"))).isNotEmpty()
			.allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("娄烦镇"));

		type(By.id("federationCode"), "没有这个镇");
		clickAndWaitForNextPage(By.cssSelector("form[role='search'] button[type='submit']"));
		assertThat(text(By.id("federationCode-hint"))).as(onPage()).contains("没有找到“没有这个镇”");
		assertThat(browserErrors()).isEmpty();
	}

}
