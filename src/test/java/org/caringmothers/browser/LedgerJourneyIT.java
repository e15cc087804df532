package org.caringmothers.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 娄烦县's staff open the monthly ledger from the dashboard, look at an earlier month and
 * report it (上报); the page then says who reported it and offers no second report.
 */
class LedgerJourneyIT extends BrowserTestSupport {

	@Test
	void countyStaffOpenTheLedgerAndReportAMonth() {
		signIn(DemoUser.LOUFAN_STAFF);
		open("/dashboard");
		clickAndWaitForNextPage(By.id("open-ledger"));
		assertThat(text(By.id("ledger-title"))).as(onPage()).startsWith("娄烦县").endsWith("月爱心妈妈结对关爱工作台账");
		assertThat(text(By.id("ledger-total"))).as(onPage()).startsWith("合计");
		assertThat(driver().findElement(By.id("download-ledger")).getDomAttribute("href")).as(onPage())
			.contains("/ledger.xlsx?month=");

		String month = driver().findElement(By.id("month")).getDomProperty("value");
		java.time.YearMonth earlier = java.time.YearMonth.parse(month).minusMonths(2);
		open(currentPath() + "?month=" + earlier);
		assertThat(text(By.id("ledger-title"))).as(onPage()).contains(earlier.getMonthValue() + "月");
		clickAndWaitForNextPage(By.id("close-month"));
		assertThat(text(By.id("confirm-close"))).as("closing asks first " + describePage())
			.contains("确认上报")
			.contains("不能撤回");
		assertThat(isPresent(By.id("month-report"))).as("nothing closed before the answer " + describePage()).isFalse();
		clickAndWaitForNextPage(By.id("confirm-close-month"));

		assertThat(text(By.id("month-report"))).as(onPage()).contains("胡春燕").contains("上报");
		assertThat(text(By.id("report-status"))).as("the frozen report is shown " + describePage()).contains("冻结");
		assertThat(text(By.id("ledger-made"))).as(onPage()).startsWith("上报时间");
		assertThat(isPresent(By.id("close-month"))).as("a month is reported once " + describePage()).isFalse();
		assertThat(text(By.id("closed-months"))).as(onPage()).contains(earlier.toString());
		assertThat(browserErrors()).as("console errors " + describePage()).isEmpty();
	}

}
