package org.caringmothers.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county whose name carries markup (an {@code <img onerror>}) reaches the dashboard's
 * charts; hovering every bar, line point and slice shows its tooltip without that markup
 * becoming an element or running. The page serves the vendored ECharts release (5.6.0,
 * not the 5.3.1 webjar), whose own HTML tooltip escapes the name too.
 */
class DashboardTooltipIT extends BrowserTestSupport {

	private static final String COUNTY = "代县";

	private static final String MARKUP = "<img src=x class=xss-probe onerror=\"window.__xss=1\">";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void markupInANameShownInAChartTooltipStaysText() {
		this.jdbc.update("update federation set name = ? where name = ?", MARKUP + COUNTY, COUNTY);
		try {
			signIn(DemoUser.XINZHOU_OFFICIAL);
			open("/dashboard?period=YEAR");
			List<WebElement> charts = driver().findElements(By.cssSelector("[data-chart]"));
			assertThat(charts).as(onPage()).hasSizeGreaterThanOrEqualTo(3);
			waitFor((d) -> script("return document.querySelectorAll('[data-chart] canvas').length >= arguments[0]",
					charts.size()));
			assertThat(script("return window.echarts.version")).as("the vendored release").isEqualTo("5.6.0");
			assertThat(script("""
					return Array.prototype.some.call(document.querySelectorAll('[data-chart]'), function (el) {
					  return JSON.stringify(window.echarts.getInstanceByDom(el).getOption()).indexOf('<img src=x') >= 0;
					})""")).as("the name with its markup reaches a chart").isEqualTo(true);

			// every data item of every chart shows its tooltip once
			Object shown = script("""
					var shown = 0;
					document.querySelectorAll('[data-chart]').forEach(function (el) {
					  var chart = window.echarts.getInstanceByDom(el);
					  var option = chart.getOption();
					  option.series.forEach(function (series, s) {
					    for (var i = 0; i < series.data.length; i++) {
					      chart.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: i });
					      shown++;
					    }
					  });
					});
					return shown;""");
			assertThat(((Number) shown).intValue()).isPositive();
			assertThat(script("return document.querySelectorAll('img.xss-probe').length")).as("no injected element")
				.isEqualTo(0L);
			assertThat(browserErrors()).as("console errors " + describePage()).isEmpty();

			// the library's own HTML tooltip (the page's charts draw theirs as rich text
			// on
			// the canvas, since the CSP forbids inline styles): the name stays text there
			// too
			Object html = script("""
					var box = document.createElement('div');
					box.style.width = '400px';
					box.style.height = '300px';
					document.body.appendChild(box);
					var chart = window.echarts.init(box);
					chart.setOption({ animation: false, tooltip: { trigger: 'item', renderMode: 'html' },
					  series: [{ type: 'pie', name: arguments[0], data: [{ name: arguments[0], value: 7 }] }] });
					chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
					var tips = Array.prototype.filter.call(box.querySelectorAll('div'), function (div) {
					  return div.textContent.indexOf('<img src=x') >= 0;
					});
					return tips.length;""", MARKUP + COUNTY);
			assertThat(((Number) html).intValue()).as("the HTML tooltip shows the markup as text").isPositive();

			assertThat(script("return document.querySelectorAll('img.xss-probe').length")).as("no injected element")
				.isEqualTo(0L);
			assertThat(script("return typeof window.__xss")).as("nothing ran").isEqualTo("undefined");
		}
		finally {
			this.jdbc.update("update federation set name = ? where name = ?", COUNTY, MARKUP + COUNTY);
		}
	}

}
