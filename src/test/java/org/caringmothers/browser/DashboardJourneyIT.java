package org.caringmothers.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 忻州市 official reads her dashboard: the charts draw, the county table sorts, and she
 * drills into 神池县 and comes back up by the breadcrumb.
 */
class DashboardJourneyIT extends BrowserTestSupport {

	private static final String SHENCHI = "神池县";

	private static final By COUNTY_NAMES = By.cssSelector("#compare tbody tr th a");

	@Test
	void theCityOfficialSortsTheCountiesDrillsDownAndComesBack() {
		signIn(DemoUser.XINZHOU_OFFICIAL);
		open("/dashboard?period=YEAR");
		assertThat(text(By.tagName("h1"))).as(onPage()).isEqualTo("忻州市工作进展");
		assertChartsDrawn();
		List<String> original = names();
		assertThat(original).as(onPage()).hasSizeGreaterThan(10).contains(SHENCHI);

		WebElement contactsHeader = columnHeader("期间关爱次数");
		contactsHeader.findElement(By.tagName("button")).click();
		assertThat(contactsHeader.getDomAttribute("aria-sort"))
			.as("figures sort from the largest first " + describePage())
			.isEqualTo("descending");
		assertThat(names().get(0)).as("the county with contacts comes first " + describePage()).isEqualTo(SHENCHI);
		contactsHeader.findElement(By.tagName("button")).click();
		assertThat(contactsHeader.getDomAttribute("aria-sort")).as(onPage()).isEqualTo("ascending");
		assertThat(names().get(names().size() - 1)).as("and last when sorted the other way " + describePage())
			.isEqualTo(SHENCHI);
		assertThat(names()).as("sorting keeps every county").containsExactlyInAnyOrderElementsOf(original);

		WebElement nameHeader = columnHeader("名称");
		nameHeader.findElement(By.tagName("button")).click();
		assertThat(nameHeader.getDomAttribute("aria-sort")).as(onPage()).isEqualTo("ascending");
		assertThat(contactsHeader.getDomAttribute("aria-sort")).as("one sorted column at a time").isNull();
		assertThat(names()).as("names in pinyin order " + describePage())
			.startsWith("保德县", "代县", "定襄县")
			.endsWith("忻府区", "原平市")
			.containsExactlyInAnyOrderElementsOf(original);

		WebElement shenchiRow = driver()
			.findElement(By.xpath("//table[@id='compare']//tr[th/a[normalize-space()='" + SHENCHI + "']]"));
		assertThat(shenchiRow.getText()).as("why the county is behind " + describePage()).contains("有待处置安全隐患");
		clickAndWaitForNextPage(By.linkText(SHENCHI));
		assertThat(text(By.tagName("h1"))).as(onPage()).isEqualTo("神池县工作进展");
		assertThat(driver().findElement(By.id("period")).getDomProperty("value")).as("the period is kept")
			.isEqualTo("YEAR");
		assertChartsDrawn();

		clickAndWaitForNextPage(By.cssSelector("nav .breadcrumb a"));
		assertThat(text(By.tagName("h1"))).as(onPage()).isEqualTo("忻州市工作进展");
		assertThat(isPresent(By.xpath("//nav//ol[@class='breadcrumb']//a[normalize-space()='山西省']")))
			.as("the breadcrumb goes no higher than her own city " + describePage())
			.isFalse();
		assertChartsDrawn();
		assertThat(browserErrors()).as("console errors " + describePage()).isEmpty();
	}

	@Test
	void at1366PixelsTheComparisonFitsThePeriodFieldsFollowAndTheEnglishMenuIsOneLine() {
		resizeWindow(new Dimension(1366, 768));
		signIn(DemoUser.XINZHOU_OFFICIAL);
		open("/dashboard?period=YEAR");
		WebElement compare = driver().findElement(By.id("compare"));
		Object widths = script("var box = arguments[0].parentElement; return box.scrollWidth + '/' + box.clientWidth"
				+ " + ' columns ' + Array.prototype.map.call(arguments[0].tHead.rows[0].cells,"
				+ " function (c) { return Math.round(c.getBoundingClientRect().width); }).join(',');", compare);
		String[] measured = widths.toString().split(" ")[0].split("/");
		assertThat(Integer.parseInt(measured[0]))
			.as("the comparison table needs no sideways scroll at 1366 px: " + widths + " " + describePage())
			.isLessThanOrEqualTo(Integer.parseInt(measured[1]) + 1);
		long right = ((Number) script("return Math.max.apply(null, Array.prototype.map.call("
				+ "arguments[0].tHead.rows[0].cells, function (c) { return c.getBoundingClientRect().right; }));",
				compare))
			.longValue();
		assertThat(right).as("its last column (reasons behind) is in the window " + describePage())
			.isLessThanOrEqualTo(viewportWidth());

		Select period = new Select(driver().findElement(By.id("period")));
		period.selectByValue("THIS_MONTH");
		period.selectByValue("YEAR");
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		assertThat(driver().findElement(By.id("from")).getDomProperty("value")).as("本年 fills in its days")
			.isEqualTo(year + "-01-01");
		assertThat(driver().findElement(By.id("to")).getDomProperty("value")).isEqualTo(year + "-12-31");

		signOut();
		signIn(DemoUser.ADMIN);
		open("/dashboard?lang=en");
		List<WebElement> links = driver().findElements(By.cssSelector("#main-nav .nav-link"));
		assertThat(links).as(onPage()).hasSizeGreaterThan(8);
		Object rows = script("var links = document.querySelectorAll('#main-nav .nav-link');"
				+ " var first = links[0].getBoundingClientRect(); var wrapped = [];"
				+ " links.forEach(function (l) { var r = l.getBoundingClientRect(); var middle = (r.top + r.bottom) / 2;"
				+ " if (middle < first.top || middle > first.bottom) { wrapped.push(l.textContent.trim()); } });"
				+ " return wrapped.join(', ');");
		assertThat(rows.toString()).as("links below the first line of the English menu at 1366 px " + describePage())
			.isEmpty();
		assertThat(browserErrors()).as("console errors " + describePage()).isEmpty();
	}

	/** Every chart on the page has drawn a canvas with a size. */
	private void assertChartsDrawn() {
		List<WebElement> charts = driver().findElements(By.cssSelector("[data-chart]"));
		assertThat(charts).as(onPage()).hasSizeGreaterThanOrEqualTo(3);
		for (WebElement chart : charts) {
			WebElement canvas = waitFor(d -> chart.findElements(By.tagName("canvas"))
				.stream()
				.filter(c -> c.getSize().getWidth() > 100 && c.getSize().getHeight() > 100)
				.findFirst()
				.orElse(null));
			assertThat(canvas).as("a drawn chart in " + chart.getDomAttribute("aria-label")).isNotNull();
		}
	}

	private WebElement columnHeader(String label) {
		return driver().findElement(By.xpath("//table[@id='compare']/thead//th[normalize-space()='" + label + "']"));
	}

	private List<String> names() {
		return driver().findElements(COUNTY_NAMES).stream().map(WebElement::getText).toList();
	}

}
