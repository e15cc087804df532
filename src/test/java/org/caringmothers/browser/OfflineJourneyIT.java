package org.caringmothers.browser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo mother's phone in a village with no signal, at 360 × 740: she signs in and
 * sets her offline PIN, the network goes off (for the page and for its service worker,
 * through the DevTools protocol), a reload still shows her three children; she logs three
 * contacts (one with a photo) that wait on the phone across a reload; meanwhile staff end
 * one of the pairings; when the network returns the other two upload by themselves, each
 * once (checked in the database, also after pressing "upload now" again), "last contact"
 * shows today, and the one for the ended pairing stays with its reason; signing out asks
 * about it and leaves nothing on the phone (IndexedDB, CacheStorage and the service
 * worker checked through the DevTools protocol).
 */
class OfflineJourneyIT extends BrowserTestSupport {

	/**
	 * Selenium's default: with checks every 100 ms the page once missed the network's
	 * return and kept its three entries queued for a minute (no request reached the
	 * server), on a quiet machine as on a busy one; at 500 ms it never did.
	 */
	@Override
	protected Duration poll() {
		return Duration.ofMillis(500);
	}

	private static final String PIN = "2468";

	@Autowired
	JdbcTemplate jdbc;

	private RawDevTools devTools;

	private Long endedPairing;

	@Override
	protected Dimension initialWindowSize() {
		return PHONE;
	}

	/**
	 * A browser of its own: its DevTools connection switches the network off and on, and
	 * it follows its service worker from the start.
	 */
	@Override
	protected boolean reuseBrowser() {
		return false;
	}

	@AfterEach
	void repairAndDisconnect() {
		if (this.devTools != null) {
			this.devTools.close();
		}
		if (this.endedPairing != null) {
			// The demo mother keeps three children for the other journeys: pair the child
			// again.
			this.jdbc.update("""
					insert into pairing (volunteer_id, child_id, start_date, federation_id)
					select volunteer_id, child_id, start_date, federation_id from pairing where id = ?""",
					this.endedPairing);
		}
	}

	@Test
	void sheLogsContactsWithNoSignalAndTheyUploadOnceWhenItReturns() throws Exception {
		this.devTools = RawDevTools.connect(debuggerAddress());
		signIn(DemoUser.LOUFAN_MOTHER);
		List<WebElement> cards = driver().findElements(By.cssSelector("#home .child-card"));
		assertThat(cards).as(onPage()).hasSize(3);
		long ended = Long.parseLong(cards.get(0).getAttribute("data-pairing"));
		long withPhoto = Long.parseLong(cards.get(1).getAttribute("data-pairing"));
		long plain = Long.parseLong(cards.get(2).getAttribute("data-pairing"));
		List<String> names = cards.stream()
			.map(card -> card.findElement(By.cssSelector(".card-title")).getText())
			.toList();

		visible(By.id("pin-setup"));
		type(By.id("pin-new"), PIN);
		type(By.id("pin-confirm"), PIN);
		clickable(By.id("pin-set")).click();
		waitFor((WebDriver browser) -> "true".equals(present(By.id("offline-status")).getAttribute("data-ready")));
		waitFor((WebDriver browser) -> Boolean.TRUE.equals(script("return !!navigator.serviceWorker.controller")));
		assertThat(this.devTools.attachedTypes()).contains("page", "service_worker");

		this.devTools.setOffline(true);
		driver().navigate().refresh();
		visible(By.id("offline-app"));
		waitFor((WebDriver browser) -> browser.findElements(By.cssSelector("#offline-children .child-card"))
			.size() == 3);
		assertThat(text(By.id("offline-children"))).contains(names);
		assertThat(text(By.id("offline-status"))).contains("同步");
		assertThat((Boolean) script("return navigator.onLine")).isFalse();

		String run = UUID.randomUUID().toString().substring(0, 8);
		logContact(withPhoto, "HOME_VISIT", "COMFORT", "离线一 " + run, true);
		logContact(plain, "PHONE", "TUTORING", "离线二 " + run, false);
		logContact(ended, "VIDEO", "GUIDANCE", "离线三 " + run, false);
		waitFor((WebDriver browser) -> "待上传 3".equals(text(By.id("pending-badge"))));
		assertThat((Long) script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);

		// 拨打 with no signal: the number kept on the phone shows, the record of it waits
		long reveals = reveals();
		WebElement card = visible(By.cssSelector("#offline-children .child-card[data-pairing='" + plain + "']"));
		By phone = By.cssSelector("#offline-children .child-card[data-pairing='" + plain + "'] .guardian-phone");
		assertThat(text(phone)).matches("1[3-9][0-9]\\*{4}[0-9]{4}");
		script("arguments[0].click()", card.findElement(By.cssSelector(".offline-call")));
		waitFor((WebDriver browser) -> browser.findElement(phone).getText().matches("1[3-9][0-9]{9}"));
		assertThat(card.findElement(By.cssSelector("a.offline-dial")).getDomAttribute("href"))
			.isEqualTo("tel:" + text(phone));
		assertThat(reveals()).as("nothing reaches the server without a signal").isEqualTo(reveals);

		driver().navigate().refresh();
		visible(By.id("offline-app"));
		waitFor((WebDriver browser) -> browser
			.findElements(By.cssSelector("#queue-list .queued-entry[data-state='queued']"))
			.size() == 3);
		assertThat(text(By.id("pending-badge"))).isEqualTo("待上传 3");
		assertThat(countVisits("离线一 " + run)).isZero();

		this.endedPairing = ended;
		this.jdbc.update("update pairing set end_date = current_date, end_reason = 'OTHER' where id = ?", ended);

		this.devTools.setOffline(false);
		new WebDriverWait(driver(), Duration.ofSeconds(60)).withMessage(this::describePage)
			.until((WebDriver browser) -> "待上传 1".equals(text(By.id("pending-badge"))));
		WebElement refused = visible(By.cssSelector("#queue-list .queued-entry[data-state='refused']"));
		assertThat(refused.getText()).contains(names.get(0), "结对已经结束");
		assertThat(countVisits("离线一 " + run)).isEqualTo(1);
		assertThat(countVisits("离线二 " + run)).isEqualTo(1);
		assertThat(countVisits("离线三 " + run)).isZero();
		waitFor((WebDriver browser) -> reveals() == reveals + 1);
		assertThat(this.jdbc.queryForObject(
				"select summary from audit_entry where actor_username = 'loufan.mother' and action = 'REVEAL' order by id desc limit 1",
				String.class))
			.as("the call made offline is logged as hers, with the phone's time")
			.contains("call, pairing " + plain)
			.contains("phone time");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from visit_photo p join visit v on v.id = p.visit_id where v.notes = ?", Long.class,
				"离线一 " + run))
			.isEqualTo(1);
		// The contact's date is the phone's today, which may differ from the server's.
		String today = (String) script("const d = new Date(); return d.getFullYear() + '-' + "
				+ "String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');");
		waitFor((WebDriver browser) -> text(
				By.cssSelector(".child-card[data-pairing='" + withPhoto + "'] .last-contact"))
			.contains(today));
		assertThat(text(By.cssSelector(".child-card[data-pairing='" + plain + "'] .last-contact"))).contains(today);

		clickable(By.id("upload-now")).click();
		waitFor((WebDriver browser) -> text(By.id("offline-status")).contains("离线资料已更新"));
		assertThat(countVisits("离线一 " + run)).isEqualTo(1);
		assertThat(countVisits("离线二 " + run)).isEqualTo(1);
		assertThat(browserErrors()).as("console errors").allMatch(entry -> entry.contains("Failed to load resource"));

		clickable(By.id("logout")).click();
		WebElement dialog = visible(By.id("logout-dialog"));
		assertThat(dialog.getText()).contains("1 条");
		clickable(By.id("logout-discard")).click();
		// Signing out empties the phone first (worker, database, caches), then posts.
		try {
			new WebDriverWait(driver(), Duration.ofSeconds(40)).withMessage(this::describePage)
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-message")));
		}
		catch (RuntimeException ex) {
			System.err.println("sign-out state, errors: " + browserErrors());
			System.err.println("sign-out state, databases: "
					+ cdp("IndexedDB.requestDatabaseNames", Map.of("securityOrigin", baseUrl())));
			System.err.println("sign-out state, caches: "
					+ cdp("CacheStorage.requestCacheNames", Map.of("securityOrigin", baseUrl())));
			System.err.println("sign-out state, regs: " + ((JavascriptExecutor) driver()).executeAsyncScript(
					"const done = arguments[0]; navigator.serviceWorker.getRegistrations().then(r => done(r.length));"));
			System.err.println("sign-out state, online: " + script("return navigator.onLine"));
			throw ex;
		}
		assertThat(currentPath()).isEqualTo("/login");
		// the browser lets go of the database and the worker's registration once the
		// signed-out page has replaced the old one
		new WebDriverWait(driver(), Duration.ofSeconds(30)).withMessage(this::describePage)
			.until((WebDriver browser) -> ((List<?>) cdp("IndexedDB.requestDatabaseNames",
					Map.of("securityOrigin", baseUrl()))
				.get("databaseNames")).isEmpty());
		assertThat(cdp("CacheStorage.requestCacheNames", Map.of("securityOrigin", baseUrl())).get("caches")).asList()
			.isEmpty();
		new WebDriverWait(driver(), Duration.ofSeconds(30)).withMessage(this::describePage)
			.until((WebDriver browser) -> ((Number) ((JavascriptExecutor) browser).executeAsyncScript(
					"const done = arguments[0]; navigator.serviceWorker.getRegistrations().then(r => done(r.length));"))
				.intValue() == 0);
	}

	private void logContact(long pairing, String mode, String care, String notes, boolean photo) {
		clickable(By.cssSelector("#offline-children .child-card[data-pairing='" + pairing + "'] .log-visit")).click();
		visible(By.id("offline-form-section"));
		clickable(By.id("ov-mode-" + mode)).click();
		type(By.id("ov-durationMinutes"), "40");
		clickable(By.id("ov-care-" + care)).click();
		type(By.id("ov-gifts0.item"), "文具");
		type(By.id("ov-gifts0.value"), "20");
		type(By.id("ov-notes"), notes);
		if (photo) {
			present(By.id("ov-photos")).sendKeys(photo().toString());
		}
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", present(By.id("offline-save")));
		clickable(By.id("offline-save")).click();
		waitFor((WebDriver browser) -> !present(By.id("offline-form-section")).isDisplayed());
		waitFor((WebDriver browser) -> text(By.id("queue-list")).contains(notesChild(pairing)));
	}

	private String notesChild(long pairing) {
		return text(By.cssSelector("#offline-children .child-card[data-pairing='" + pairing + "'] .card-title"));
	}

	private long reveals() {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where actor_username = 'loufan.mother' and action = 'REVEAL'",
				Long.class);
	}

	private long countVisits(String notes) {
		return this.jdbc.queryForObject("select count(*) from visit where notes = ?", Long.class, notes);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> cdp(String command, Map<String, Object> parameters) {
		return ((ChromeDriver) driver()).executeCdpCommand(command, parameters);
	}

	@SuppressWarnings("unchecked")
	private String debuggerAddress() {
		Map<String, Object> options = (Map<String, Object>) ((ChromeDriver) driver()).getCapabilities()
			.getCapability("goog:chromeOptions");
		return (String) options.get("debuggerAddress");
	}

	private static Path photo() {
		try {
			BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
			Path file = Files.createTempFile("offline-visit-", ".jpg");
			ImageIO.write(image, "jpg", file.toFile());
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
