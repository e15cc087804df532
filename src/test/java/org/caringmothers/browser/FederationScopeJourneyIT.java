package org.caringmothers.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of the federation tree each user sees: another county's page is "not found", the
 * tree opens its nodes with htmx (under the strict Content Security Policy), and the
 * search finds a county by its division code.
 */
class FederationScopeJourneyIT extends BrowserTestSupport {

	private static final String SHENCHI = "神池县";

	@Test
	void staffCannotOpenAFederationOutsideTheirCounty() {
		signIn(DemoUser.SHENCHI_STAFF);
		String shenchiPath = federationPathFromSearch("140927", SHENCHI);
		open(shenchiPath);
		assertThat(text(By.id("federation-name"))).as(onPage()).isEqualTo(SHENCHI);
		signOut();

		signIn(DemoUser.LOUFAN_STAFF);
		open(shenchiPath);

		assertThat(visible(By.id("error-404")).isDisplayed()).as(onPage()).isTrue();
		assertThat(text(By.cssSelector("#error-404 h1"))).as(onPage()).isEqualTo("找不到页面");
		assertThat(isPresent(By.id("federation-name"))).as(onPage()).isFalse();
		assertThat(driver().findElement(By.tagName("main")).getText()).as(onPage()).doesNotContain(SHENCHI);
	}

	@Test
	void openingACityInTheTreeLoadsItsCountiesWithHtmx() {
		signIn(DemoUser.ADMIN);
		open("/federations");
		visible(By.id("federation-tree"));
		browserErrors();
		By xinzhouNode = By.xpath("//details[summary/a[normalize-space()='忻州市']]");
		WebElement node = visible(xinzhouNode);
		assertThat(node.getDomAttribute("open")).as("the city starts closed " + describePage()).isNull();

		clickDisclosureMarker(node.findElement(By.tagName("summary")));

		WebElement county = visible(
				By.xpath("//details[summary/a[normalize-space()='忻州市']]//a[normalize-space()='" + SHENCHI + "']"));
		assertThat(county.getDomAttribute("href")).as(onPage()).matches("/federations/\\d+");
		WebElement loadedNode = driver().findElement(xinzhouNode);
		assertThat(loadedNode.getText()).as("the loading placeholder is replaced " + describePage())
			.doesNotContain("正在加载");
		assertThat(loadedNode.findElements(By.cssSelector("ul.tree > li"))).as(onPage()).hasSizeGreaterThan(10);
		assertThat(browserErrors()).as("console errors while opening the node " + describePage()).isEmpty();

		clickAndWaitForNextPage(By.linkText(SHENCHI));
		assertThat(text(By.id("federation-name"))).as(onPage()).isEqualTo(SHENCHI);
	}

	@Test
	void adminFindsACountyByItsDivisionCode() {
		signIn(DemoUser.ADMIN);
		open("/federations");
		type(By.id("q"), "140927");
		clickAndWaitForNextPage(By.id("federation-search"));

		WebElement row = visible(
				By.xpath("//table[@id='search-results']//tr[td/a[normalize-space()='" + SHENCHI + "']]"));
		assertThat(row.getText()).as(onPage()).contains("140927").contains("县（市、区）");

		clickAndWaitForNextPage(By.xpath("//table[@id='search-results']//a[normalize-space()='" + SHENCHI + "']"));
		assertThat(text(By.id("federation-name"))).as(onPage()).isEqualTo(SHENCHI);
	}

	/** Searches the tree and returns the path of the result with this name. */
	private String federationPathFromSearch(String query, String name) {
		open("/federations?q=" + query);
		WebElement link = visible(By.xpath("//table[@id='search-results']//a[normalize-space()='" + name + "']"));
		String href = link.getDomAttribute("href");
		assertThat(href).as(onPage()).matches("/federations/\\d+");
		return href;
	}

	/**
	 * Clicks the triangle at the start of a {@code <summary>}, as a user opening the node
	 * does (the middle of the summary may be its link).
	 */
	private void clickDisclosureMarker(WebElement summary) {
		int fromCentre = -summary.getSize().getWidth() / 2 + 6;
		new Actions(driver()).moveToElement(summary, fromCentre, 0).click().perform();
	}

}
