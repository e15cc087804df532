package org.caringmothers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English counts agree with their units ("1 day", "2 days", never "1 days"), through
 * MessageFormat's choice, and no English message shows a bare count before a plural unit.
 */
class EnglishPluralTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	/** A bare argument before a unit in the plural, outside a choice. */
	private static final Pattern BARE_COUNT = Pattern.compile(
			"(?<![|#])\\{\\d\\} (days|years|records|rows|children|minutes|pairings|contacts|volunteers|mothers|caring mothers)\\b");

	/**
	 * Filled in by the offline page's script rather than MessageFormat (which has a
	 * separate one-day message), or counts that are never one.
	 */
	private static final Set<String> EXEMPT = Set.of("home.volunteer.overdue", "home.volunteer.lastContact",
			"home.volunteer.childLine", "offline.expired", "offline.entry.summary", "event.attendees.tooMany",
			"ledger.xlsx.contactsCount", "ledger.xlsx.needsCount");

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void countsAgreeWithTheirUnits() {
		assertThat(english("home.careGaps.days", 0)).isEqualTo("0 days");
		assertThat(english("home.careGaps.days", 1)).isEqualTo("1 day");
		assertThat(english("home.careGaps.days", 2L)).isEqualTo("2 days");
		assertThat(english("child.ageYears", 1)).isEqualTo("1 year");
		assertThat(english("child.ageYears", 12)).isEqualTo("12 years");
		assertThat(english("pagination.total", 1L)).isEqualTo("1 record");
		assertThat(english("pagination.total", 1550L)).isEqualTo("1,550 records");
		assertThat(english("import.summary", 1, 0, 1)).isEqualTo("1 row: 0 can be imported, 1 has problems.");
		assertThat(english("import.summary", 3, 1, 2)).isEqualTo("3 rows: 1 can be imported, 2 have problems.");
		assertThat(english("digest.silentLine", 31L, 1)).isEqualTo(": 31 days without a contact, 1 child paired");
		assertThat(english("need.ageLine", 1L)).isEqualTo("Open for 1 day");
		assertThat(english("federation.rules.inForce", 1, 7, 1)).isEqualTo(
				"Pairing rules: at most 1 child per caring mother; a contact at least every 7 days and a home visit at least every day.");
		assertThat(english("target.source.rolled", 1, 2)).isEqualTo("Sum below: 1 pairing, 2 mothers");
		assertThat(english("home.volunteer.lastContactOne", "2026-11-28"))
			.isEqualTo("Last contact: 2026-11-28 (1 day ago)");
		assertThat(this.messages.getMessage("home.careGaps.days", new Object[] { 1 }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("1 天");
	}

	@Test
	void noEnglishMessageShowsABareCountBeforeAPluralUnit() throws IOException {
		List<String> bare = new ArrayList<>();
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path file : files.filter(path -> path.toString().endsWith("_en.properties")).sorted().toList()) {
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					int equals = line.indexOf('=');
					if (line.startsWith("#") || equals < 0 || EXEMPT.contains(line.substring(0, equals))) {
						continue;
					}
					Matcher matcher = BARE_COUNT.matcher(line);
					if (matcher.find()) {
						bare.add(file.getFileName() + ": " + line);
					}
				}
			}
		}
		assertThat(bare).as("English counts without a choice between one and many").isEmpty();
	}

	private String english(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.ENGLISH);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		for (String name : List.of("messages", "audit", "privacy", "volunteer", "child", "pairing", "visit", "need",
				"event", "dashboard", "target", "ledger", "offline")) {
			source.addBasenames("messages/" + name);
		}
		return source;
	}

}
