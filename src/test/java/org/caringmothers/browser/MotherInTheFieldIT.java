package org.caringmothers.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo mother in a village on a small phone: her pages are light enough for a weak
 * signal (the transferred bytes are measured with the Resource Timing API and printed),
 * she calls a guardian from the child's card, is shown what to fix when a form is
 * refused, and finds her recent entry on the card to add a photo to it.
 */
class MotherInTheFieldIT extends BrowserTestSupport {

	private static final long FIRST_PAGE_LIMIT = 100 * 1024;

	private static final long LATER_PAGE_LIMIT = 15 * 1024;

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected Dimension initialWindowSize() {
		return PHONE;
	}

	/**
	 * A browser of its own: it measures what her pages weigh with nothing cached and
	 * changes the DevTools network settings.
	 */
	@Override
	protected boolean reuseBrowser() {
		return false;
	}

	@Test
	void herFirstPageIsUnder100KilobytesAndEachLaterOneUnder15() {
		cdp("Network.enable", Map.of());
		// Pages fetched through her service worker report their decoded size to Resource
		// Timing, not the compressed bytes that crossed the network; bypassing the worker
		// measures what the signal actually carries (the worker's cache only saves more).
		cdp("Network.setBypassServiceWorker", Map.of("bypass", true));
		cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
		open("/login");
		long login = transferred("sign-in page, nothing cached");
		signIn(DemoUser.LOUFAN_MOTHER);
		long home = transferred("her home after sign-in, nothing cached");
		assertThat(home).as("her first page").isLessThan(FIRST_PAGE_LIMIT);

		cdp("Network.setCacheDisabled", Map.of("cacheDisabled", false));
		open("/");
		visible(By.id("home"));
		transferred("her home again, filling the cache");
		String pairing = present(By.cssSelector(".child-card")).getAttribute("data-pairing");

		clickAndWaitForNextPage(By.cssSelector(".child-card[data-pairing='" + pairing + "'] .log-visit"));
		long form = transferred("the contact form");
		clickAndWaitForNextPage(By.cssSelector(".navbar-brand"));
		long back = transferred("her home from the header");
		open("/account/password");
		long password = transferred("the password page");
		System.out.printf("Transferred: sign-in %d B + home %d B = %d B cold; later pages %d, %d, %d B%n", login, home,
				login + home, form, back, password);
		assertThat(List.of(form, back, password)).allMatch((size) -> size < LATER_PAGE_LIMIT);
		assertThat(browserErrors()).isEmpty();
	}

	@Test
	void sheCallsAGuardianAndTheRevealIsRecordedAsHers() {
		signIn(DemoUser.LOUFAN_MOTHER);
		WebElement phone = present(By.cssSelector(".guardian-phone"));
		String id = phone.getAttribute("id");
		assertThat(phone.getText()).contains("****");
		long before = reveals();

		clickable(By.cssSelector("form[data-phone='" + id + "'] .call-button")).click();
		waitFor((driver) -> !driver.findElement(By.id(id)).getText().contains("*"));
		String number = driver().findElement(By.id(id)).getText();
		assertThat(number).matches("1[3-9][0-9]{9}");
		assertThat(isPresent(By.cssSelector("a.call-button[href='tel:" + number + "']"))).as(onPage()).isTrue();
		assertThat(reveals()).isEqualTo(before + 1);
	}

	@Test
	void aRefusedFormTellsHerWhatToFixAtTheTopAndSheCorrectsHerEntryFromTheCard() {
		signIn(DemoUser.LOUFAN_MOTHER);
		// a child who is not overdue, so that other journeys still find the overdue one
		String pairing = present(By.cssSelector(".child-card:not(.overdue)")).getAttribute("data-pairing");
		clickAndWaitForNextPage(By.cssSelector(".child-card[data-pairing='" + pairing + "'] .log-visit"));
		clickable(By.cssSelector("input[name='mode'][value='PHONE']")).click();
		type(By.id("durationMinutes"), "0");
		clickAndWaitForNextPage(By.id("visit-submit"));

		WebElement summary = visible(By.id("error-summary"));
		assertThat(script("return document.activeElement.id")).isEqualTo("error-summary");
		assertThat(((Number) script("return arguments[0].getBoundingClientRect().top", summary)).doubleValue())
			.isBetween(0.0, 740.0);
		assertThat(summary.getText()).contains("时长（分钟）").contains("请至少选择一项");
		clickable(By.cssSelector("#error-summary a[data-field='durationMinutes']")).click();
		assertThat(script("return document.activeElement.id")).isEqualTo("durationMinutes");

		type(By.id("durationMinutes"), "15");
		clickable(By.cssSelector("input[name='careTypes'][value='COMFORT']")).click();
		clickAndWaitForNextPage(By.id("visit-submit"));
		visible(By.id("flash-success"));
		long visit = this.jdbc.queryForObject("select max(id) from visit where pairing_id = ?", Long.class,
				Long.valueOf(pairing));

		String card = ".child-card[data-pairing='" + pairing + "'] ";
		clickable(By.cssSelector(card + ".recent-entries summary")).click();
		clickAndWaitForNextPage(By.cssSelector(card + ".recent-entry[data-visit='" + visit + "'] .edit-entry"));
		present(By.id("photos")).sendKeys(photo().toString());
		clickAndWaitForNextPage(By.id("visit-submit"));
		visible(By.id("flash-success"));
		assertThat(this.jdbc.queryForObject("select count(*) from visit_photo where visit_id = ?", Long.class, visit))
			.isEqualTo(1);

		open("/my/visits/" + visit + "/edit");
		WebElement thumbnail = visible(By.cssSelector("#current-photos img.visit-thumb"));
		assertThat((Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail))
			.isTrue();
		assertThat((Long) script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);
		assertThat(browserErrors()).isEmpty();
	}

	/**
	 * The bytes the current page cost: the document and every resource it loaded, as the
	 * browser's Resource Timing entries report them (0 for what came from the cache).
	 */
	@SuppressWarnings("unchecked")
	private long transferred(String page) {
		List<Object> entries = (List<Object>) script("""
				const nav = performance.getEntriesByType('navigation')[0];
				return [nav].concat(performance.getEntriesByType('resource'))
				  .map((e) => [e.name, e.transferSize, e.decodedBodySize]);""");
		long total = 0;
		StringBuilder lines = new StringBuilder();
		for (Object entry : entries) {
			List<Object> fields = (List<Object>) entry;
			long size = ((Number) fields.get(1)).longValue();
			total += size;
			lines.append(String.format("    %7d B (%7d B unpacked) %s%n", size, ((Number) fields.get(2)).longValue(),
					fields.get(0).toString().replace(baseUrl(), "")));
		}
		System.out.printf("%s: %d B transferred%n%s", page, total, lines);
		return total;
	}

	private void cdp(String command, Map<String, Object> parameters) {
		((ChromeDriver) driver()).executeCdpCommand(command, parameters);
	}

	private long reveals() {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where actor_username = 'loufan.mother' and action = 'REVEAL'",
				Long.class);
	}

	private static Path photo() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(800, 600,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			Path file = Files.createTempFile("visit-", ".jpg");
			javax.imageio.ImageIO.write(image, "jpg", file.toFile());
			file.toFile().deleteOnExit();
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
