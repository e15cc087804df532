package org.caringmothers.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo mother on a small phone: she sees her overdue child first, logs a home visit
 * with two kinds of care and a gift in under a minute, and the child is no longer
 * overdue.
 */
class MotherContactJourneyIT extends BrowserTestSupport {

	@Override
	protected Dimension initialWindowSize() {
		return PHONE;
	}

	@Test
	void theMotherLogsAHomeVisitForHerOverdueChild() {
		signIn(DemoUser.LOUFAN_MOTHER);
		List<WebElement> cards = driver().findElements(By.cssSelector(".child-card"));
		assertThat(cards).as(onPage()).isNotEmpty();
		WebElement first = cards.get(0);
		assertThat(first.getAttribute("class")).as(onPage()).contains("overdue");
		String pairing = first.getAttribute("data-pairing");
		String child = first.findElement(By.cssSelector(".card-title")).getText();

		clickAndWaitForNextPage(By.cssSelector(".child-card[data-pairing='" + pairing + "'] .log-visit"));
		assertThat(text(By.tagName("h1"))).contains(child);
		clickable(By.cssSelector("input[name='mode'][value='HOME_VISIT']")).click();
		type(By.id("durationMinutes"), "50");
		clickable(By.cssSelector("input[name='careTypes'][value='COMFORT']")).click();
		clickable(By.cssSelector("input[name='careTypes'][value='TUTORING']")).click();
		type(By.id("gifts0.item"), "课外书");
		type(By.id("gifts0.value"), "30");
		clickable(By.cssSelector("input[name='childMood'][value='GOOD']")).click();
		type(By.id("notes"), "一起读了新买的课外书。");
		present(By.id("photos")).sendKeys(photo().toString());
		assertThat((Long) script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);
		clickAndWaitForNextPage(By.id("visit-submit"));

		assertThat(text(By.id("flash-success"))).contains(child);
		WebElement card = visible(By.cssSelector(".child-card[data-pairing='" + pairing + "']"));
		assertThat(card.getAttribute("class")).doesNotContain("overdue");
		assertThat(card.getText()).contains("（今天）");
		assertThat(browserErrors()).isEmpty();

		clickAndWaitForNextPage(By.cssSelector(".child-card[data-pairing='" + pairing + "'] .log-visit"));
		WebElement thumbnail = visible(By.cssSelector("#recent-visits img.visit-thumb"));
		assertThat((Boolean) script("return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail))
			.isTrue();
	}

	/** A photo as a phone camera takes it, as a file the browser can upload. */
	private static java.nio.file.Path photo() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1200, 900,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.nio.file.Path file = java.nio.file.Files.createTempFile("visit-", ".jpg");
			javax.imageio.ImageIO.write(image, "jpg", file.toFile());
			file.toFile().deleteOnExit();
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
