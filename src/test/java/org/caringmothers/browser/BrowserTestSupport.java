package org.caringmothers.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base class of the browser journeys: the whole application on a random port (one context
 * shared by every subclass, since they all use this configuration) and a headless
 * Chromium that starts each test as a new one would (one browser shared by the journeys
 * of the JVM, cleared before each test, unless a journey asks for its own: see
 * {@link #reuseBrowser()}), with helpers to open pages, sign in and out, and wait for
 * what a user would see.
 * <p>
 * Chromium and chromedriver are looked up at {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (override with the system properties
 * {@code browser.chromium} and {@code browser.chromedriver}). When they are missing the
 * tests are skipped, except on CI ({@code CI=true}) where they fail.
 * <p>
 * When a test fails, a screenshot and the page source are written to
 * {@code target/browser-failures}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserTestSupport.FailureSnapshot.class)
public abstract class BrowserTestSupport {

	/** A desktop browser window. */
	protected static final Dimension DESKTOP = new Dimension(1280, 900);

	/** A small phone held upright. */
	protected static final Dimension PHONE = new Dimension(360, 740);

	/** How long to wait for something to appear before the test fails. */
	protected static final Duration TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How often a wait checks its condition again. Selenium's default of 500 ms cost
	 * about half a second at every page change (the first check, right after the click,
	 * still sees the old page). Not much shorter: each check runs script in the page,
	 * which on a busy machine slows the page's own work (the offline journey keeps
	 * Selenium's default for its long waits on background uploads).
	 */
	protected static final Duration POLL = Duration.ofMillis(100);

	private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	private static final Path FAILURES = Path.of("target", "browser-failures");

	private static final int PAGE_TEXT_LIMIT = 2000;

	@LocalServerPort
	private int port;

	private Path profile;

	private ChromeDriverService service;

	private WebDriver driver;

	/** Whether {@link #driver} is the browser shared by the journeys of this JVM. */
	private boolean shared;

	/** Whether the current test failed (set before {@link #quitBrowser()}). */
	private boolean failed;

	@BeforeAll
	static void requireBrowser() {
		if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
			return;
		}
		String problem = "Browser tests need Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER;
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(problem + " (CI=true: failing instead of skipping)");
		}
		System.err.println("WARNING: skipping browser tests. " + problem);
		Assumptions.abort(problem);
	}

	@BeforeEach
	void startBrowser() throws IOException {
		System.setProperty("SE_OFFLINE", "true");
		Dimension size = initialWindowSize();
		if (reuseBrowser()) {
			Shared shared = Shared.browser(this::launch, size);
			this.driver = shared.driver;
			this.shared = true;
			shared.reset(baseUrl());
		}
		else {
			Launched launched = launch(size);
			this.profile = launched.profile();
			this.service = launched.service();
			this.driver = launched.driver();
		}
		resizeWindow(size);
	}

	/** A new headless Chromium with its own profile folder and chromedriver. */
	private Launched launch(Dimension size) throws IOException {
		Path folder = Files.createTempDirectory("cm-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + folder, "--window-size=" + size.getWidth() + "," + size.getHeight());
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		customizeBrowser(options);
		ChromeDriverService driverService = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Launched(folder, driverService, new ChromeDriver(driverService, options));
	}

	@AfterEach
	void quitBrowser() throws IOException {
		if (this.shared) {
			this.driver = null;
			this.shared = false;
			if (this.failed) {
				// whatever state the failure left is not passed on to the next test
				Shared.quit();
			}
			return;
		}
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			if (this.service != null) {
				this.service.stop();
			}
			deleteProfile(this.profile);
			this.profile = null;
		}
	}

	/**
	 * Whether this journey may run in the browser the earlier journeys of this JVM used
	 * (true unless overridden): before each test that browser gets a new tab, and loses
	 * the application's cookies, storage (local, IndexedDB, caches, service workers), its
	 * HTTP cache and its console log, so the test starts as in a new browser without
	 * paying for one (a Chromium start took about a second of each journey). A journey
	 * that changes the browser beyond that (options of its own, DevTools connections,
	 * network conditions) returns false and gets a new browser of its own.
	 */
	protected boolean reuseBrowser() {
		return true;
	}

	/** The window size each test starts with; {@link #DESKTOP} unless overridden. */
	protected Dimension initialWindowSize() {
		return DESKTOP;
	}

	/** A hook for subclasses that need other browser options. */
	protected void customizeBrowser(ChromeOptions options) {
	}

	protected WebDriver driver() {
		return this.driver;
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** Opens a path of the application, e.g. {@code /federations?q=140927}. */
	protected void open(String path) {
		this.driver.get(baseUrl() + path);
	}

	/** The path of the current page, without the query. */
	protected String currentPath() {
		return URI.create(this.driver.getCurrentUrl()).getPath();
	}

	/** The query of the current page, or {@code null}. */
	protected String currentQuery() {
		return URI.create(this.driver.getCurrentUrl()).getQuery();
	}

	/**
	 * Resizes the browser window and waits until the page's viewport has the requested
	 * width.
	 */
	protected void resizeWindow(Dimension size) {
		this.driver.manage().window().setSize(size);
		waitFor((WebDriver browser) -> viewportWidth() == size.getWidth());
	}

	/** The width of the page's viewport in CSS pixels. */
	protected long viewportWidth() {
		return ((Number) script("return window.innerWidth")).longValue();
	}

	/** Signs in on the login page and waits for the page that follows. */
	protected void signIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		clickAndWaitForNextPage(By.id("login-submit"));
	}

	/** Signs in as a demo account and waits for its home page. */
	protected void signIn(DemoUser user) {
		signIn(user.username(), DemoUser.PASSWORD);
		visible(By.id("home"));
	}

	/**
	 * Signs out with the header's button (opening the collapsed navigation first on a
	 * small screen) and waits for the login page's notice.
	 */
	protected void signOut() {
		WebElement logout = present(By.id("logout"));
		if (!logout.isDisplayed()) {
			clickable(By.cssSelector(".navbar-toggler")).click();
			clickable(By.id("logout"));
		}
		clickAndWaitForNextPage(By.id("logout"));
		visible(By.id("logout-message"));
	}

	/** Replaces the text of an input. */
	protected void type(By input, String text) {
		WebElement element = visible(input);
		element.clear();
		element.sendKeys(text);
	}

	/**
	 * Clicks an element that leads to another page (a link, a submit button) and waits
	 * until that page has loaded.
	 */
	protected void clickAndWaitForNextPage(By target) {
		clickAndWaitForNextPage(clickable(target));
	}

	/**
	 * Clicks an element already found (a button inside one row of a list, say) that leads
	 * to another page, and waits until that page has loaded.
	 */
	protected void clickAndWaitForNextPage(WebElement element) {
		WebElement oldPage = this.driver.findElement(By.tagName("html"));
		script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
		waitFor((WebDriver browser) -> isGone(oldPage));
		waitFor((WebDriver browser) -> "complete".equals(script("return document.readyState")));
	}

	/**
	 * Whether an element of an earlier page is gone. Chromium answers a page change
	 * either with a stale-element error or, while the new document replaces the old one,
	 * with an inspector error about a node that no longer belongs to the document.
	 */
	private static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/** Waits until the element is visible. */
	protected WebElement visible(By locator) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** Waits until the element is in the page, visible or not. */
	protected WebElement present(By locator) {
		return waitFor(ExpectedConditions.presenceOfElementLocated(locator));
	}

	/** Waits until the element is visible and enabled. */
	protected WebElement clickable(By locator) {
		return waitFor(ExpectedConditions.elementToBeClickable(locator));
	}

	/** The visible text of an element, once it is visible. */
	protected String text(By locator) {
		return visible(locator).getText().trim();
	}

	/** Is there such an element on the page right now? Does not wait. */
	protected boolean isPresent(By locator) {
		return !this.driver.findElements(locator).isEmpty();
	}

	/**
	 * How often this journey's waits check their condition ({@link #POLL} unless
	 * overridden).
	 */
	protected Duration poll() {
		return POLL;
	}

	/**
	 * Waits up to {@link #TIMEOUT} for the condition; on time-out the failure describes
	 * the page the browser was on.
	 */
	protected <T> T waitFor(ExpectedCondition<T> condition) {
		return waitFor(condition, TIMEOUT);
	}

	/**
	 * Waits up to the given time for the condition, checking it every {@link #POLL}; on
	 * time-out the failure describes the page the browser was on.
	 */
	protected <T> T waitFor(ExpectedCondition<T> condition, Duration timeout) {
		return new WebDriverWait(this.driver, timeout, poll()).withMessage(this::describePage).until(condition);
	}

	/** Runs a script in the page and returns its result. */
	protected Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * A lazy description of the current page for assertion messages, e.g.
	 * {@code assertThat(...).as(onPage())}.
	 */
	protected Supplier<String> onPage() {
		return this::describePage;
	}

	/** Where the browser is and what the page says, shortened. */
	protected String describePage() {
		try {
			String text = this.driver.findElement(By.tagName("body")).getText();
			if (text.length() > PAGE_TEXT_LIMIT) {
				text = text.substring(0, PAGE_TEXT_LIMIT) + "…";
			}
			return "on " + this.driver.getCurrentUrl() + " (title '" + this.driver.getTitle() + "'), page text:\n"
					+ text;
		}
		catch (WebDriverException ex) {
			return "page could not be read: " + ex.getMessage();
		}
	}

	/**
	 * The console errors (level SEVERE: script errors, failed loads, Content Security
	 * Policy violations) logged since the last call; reading them clears them.
	 * <p>
	 * A failed load of {@code /favicon.ico} is left out: Chromium asks for it at a moment
	 * of its own choosing, so whether it is logged before the check would be chance. Use
	 * {@link #pageIconStatus()} to check the icon.
	 */
	protected List<String> browserErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::toString)
			.filter((entry) -> !entry.contains("/favicon.ico - Failed to load resource"))
			.toList();
	}

	/**
	 * The HTTP status of the icon the browser shows in the tab for the current page (the
	 * page's {@code <link rel="icon">}, else {@code /favicon.ico}); 200 for an inline
	 * {@code data:} icon.
	 */
	protected long pageIconStatus() {
		Object status = ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const link = document.querySelector("link[rel~='icon']");
				const href = link ? link.href : new URL('/favicon.ico', location.href).href;
				if (href.startsWith('data:')) {
					done(200);
				}
				else {
					fetch(href, { credentials: 'same-origin' }).then((r) => done(r.status), () => done(-1));
				}""");
		return ((Number) status).longValue();
	}

	private static void deleteProfile(Path folder) throws IOException {
		if (folder == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private void saveFailureSnapshot(String name) {
		if (this.driver == null) {
			return;
		}
		try {
			Files.createDirectories(FAILURES);
			Path page = FAILURES.resolve(name + ".html");
			Files.writeString(page, "<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource(),
					StandardCharsets.UTF_8);
			byte[] screenshot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
			Files.write(FAILURES.resolve(name + ".png"), screenshot);
			System.err.println("Browser test failed " + describePage() + "\nSaved " + page.toAbsolutePath()
					+ " and its screenshot");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (WebDriverException ex) {
			System.err.println("Could not save the failed page: " + ex.getMessage());
		}
	}

	/**
	 * On the second-factor enrolment page: reads the secret shown as text, enters the
	 * code an authenticator app would show now, and returns the secret, the time step
	 * used and the ten recovery codes shown once.
	 */
	protected Enrolled enrolSecondFactor() {
		assertThat(currentPath()).as(onPage()).isEqualTo("/account/second-factor");
		assertThat(isPresent(By.cssSelector("svg#second-factor-qr path"))).as("the QR code " + describePage()).isTrue();
		byte[] secret = org.caringmothers.account.Totp.fromBase32(text(By.id("second-factor-secret")));
		long step = org.caringmothers.account.Totp.step(java.time.Instant.now().getEpochSecond());
		type(By.id("code"), org.caringmothers.account.Totp.code(secret, step));
		clickAndWaitForNextPage(By.id("enrol-submit"));
		List<String> codes = this.driver.findElements(By.cssSelector("#recovery-codes .recovery-code"))
			.stream()
			.map(code -> code.getText().trim())
			.toList();
		assertThat(codes).as(onPage()).hasSize(10);
		return new Enrolled(secret, step, codes);
	}

	/**
	 * What enrolling a second factor gave.
	 *
	 * @param secret the TOTP secret
	 * @param step the time step of the code that confirmed it (used, so refused again)
	 * @param recoveryCodes the ten one-time recovery codes
	 */
	protected record Enrolled(byte[] secret, long step, List<String> recoveryCodes) {

		/**
		 * The code of a time step later than every one used, without waiting for the
		 * clock: the current step if it is later, else the next one, which the server
		 * accepts as it does from a phone whose clock is a little ahead (a step either
		 * side of its own). Waiting for the clock instead took up to 30 s.
		 */
		String nextCode(long lastUsedStep) {
			long now = org.caringmothers.account.Totp.step(java.time.Instant.now().getEpochSecond());
			return org.caringmothers.account.Totp.code(this.secret, Math.max(now, lastUsedStep + 1));
		}

	}

	/** A browser started for one journey or for all that share it. */
	private record Launched(Path profile, ChromeDriverService service, WebDriver driver) {
	}

	/** Starts a browser of the given window size. */
	@FunctionalInterface
	private interface Launcher {

		Launched launch(Dimension size) throws IOException;

	}

	/**
	 * The browser the journeys of this JVM share, quit when the JVM ends (or after a
	 * failed journey, which the next one does not inherit).
	 */
	private static final class Shared {

		private static Launched current;

		private static boolean hooked;

		private final WebDriver driver;

		private Shared(WebDriver driver) {
			this.driver = driver;
		}

		static synchronized Shared browser(Launcher launcher, Dimension size) throws IOException {
			if (current == null) {
				current = launcher.launch(size);
				if (!hooked) {
					hooked = true;
					Runtime.getRuntime().addShutdownHook(new Thread(Shared::quit));
				}
			}
			return new Shared(current.driver());
		}

		static synchronized void quit() {
			Launched launched = current;
			current = null;
			if (launched == null) {
				return;
			}
			try {
				launched.driver().quit();
			}
			catch (WebDriverException ex) {
				// already gone
			}
			finally {
				launched.service().stop();
				try {
					deleteProfile(launched.profile());
				}
				catch (IOException ex) {
					// a temporary folder
				}
			}
		}

		/**
		 * A new tab (new session storage, no history, no DevTools settings of the last
		 * test) with the old ones closed, and nothing kept of the application: cookies,
		 * storage, service workers, HTTP cache; the console log read and dropped.
		 */
		void reset(String origin) {
			this.driver.switchTo().newWindow(WindowType.TAB);
			String fresh = this.driver.getWindowHandle();
			for (String handle : this.driver.getWindowHandles()) {
				if (!handle.equals(fresh)) {
					this.driver.switchTo().window(handle).close();
				}
			}
			this.driver.switchTo().window(fresh);
			ChromeDriver chrome = (ChromeDriver) this.driver;
			chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
			chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
			this.driver.manage().logs().get(LogType.BROWSER);
		}

	}

	/**
	 * Keeps the page of a failed test (before the browser is closed) for debugging.
	 */
	static class FailureSnapshot implements AfterTestExecutionCallback {

		@Override
		public void afterTestExecution(ExtensionContext context) {
			if (context.getExecutionException().isPresent()
					&& context.getTestInstance().orElse(null) instanceof BrowserTestSupport test) {
				String name = context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName() + "-"
						+ Integer.toHexString(context.getUniqueId().hashCode());
				test.failed = true;
				test.saveFailureSnapshot(name);
			}
		}

	}

}
