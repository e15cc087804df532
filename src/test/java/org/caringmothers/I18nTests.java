package org.caringmothers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.caringmothers.federation.FederationLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string is a message key present in both languages: templates hold no
 * literal text, and every key used by a template or by the code exists in Chinese and in
 * English.
 */
class I18nTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	private static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern LITERAL_ATTRIBUTE = Pattern
		.compile("(?<![:\\w-])(placeholder|title|alt|aria-label)=\"([^\"]*)\"");

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]");

	private static final Pattern FRAGMENT_KEY = Pattern.compile("'([a-z]+(?:\\.[A-Za-z0-9]+)+)'");

	/** Calls whose string arguments are message keys. */
	private static final Pattern MESSAGE_CALL = Pattern.compile(
			"RuleViolationException\\(|FlashMessages\\.|SpreadsheetException\\(|failed\\(|message\\(|getMessage\\(|reject|\\? \"|: \"|return \"");

	private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z0-9]+)+)\"");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			String html = withoutCommentsAndScripts(Files.readString(template));
			String withoutAttributeValues = html.replaceAll("=\"[^\"]*\"", "=\"\"").replaceAll("='[^']*'", "=''");
			Matcher text = TEXT_NODE.matcher(withoutAttributeValues);
			while (text.find()) {
				String content = text.group(1).strip();
				if (LETTER.matcher(content).find()) {
					problems.add(template + ": text \"" + content + "\"");
				}
			}
			Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
			while (attribute.find()) {
				if (LETTER.matcher(attribute.group(2)).find()) {
					problems.add(template + ": attribute " + attribute.group());
				}
			}
		}
		assertThat(problems).as("literal text in templates; use a message key").isEmpty();
	}

	@Test
	void bothLanguagesHaveTheSameKeysAndNoEmptyMessage() throws IOException {
		Properties chinese = messages("messages/messages.properties");
		Properties english = messages("messages/messages_en.properties");
		assertThat(new TreeSet<>(english.stringPropertyNames())).as("keys missing in English or in Chinese")
			.isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
		chinese.forEach((key, value) -> assertThat(value.toString()).as("Chinese %s", key).isNotBlank());
		english.forEach((key, value) -> assertThat(value.toString()).as("English %s", key).isNotBlank());
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Set<String> keys = messages("messages/messages.properties").stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			String html = Files.readString(template);
			collect(STATIC_KEY, html, keys, missing, template.toString());
			Matcher fragmentArgument = FRAGMENT_KEY.matcher(html);
			while (fragmentArgument.find()) {
				String key = fragmentArgument.group(1);
				if (!isFieldName(key) && !keys.contains(key)) {
					missing.add(template + ": " + key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyKeyUsedInCodeExists() throws IOException {
		Set<String> keys = messages("messages/messages.properties").stringPropertyNames();
		Set<String> prefixes = new TreeSet<>();
		keys.stream()
			.filter(key -> key.contains("."))
			.forEach(key -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path source : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String code = Files.readString(source)
					.lines()
					.filter(line -> MESSAGE_CALL.matcher(line).find())
					.collect(java.util.stream.Collectors.joining("\n"));
				Matcher literal = JAVA_KEY.matcher(code);
				while (literal.find()) {
					String candidate = literal.group(1);
					boolean looksLikeKey = prefixes.stream().anyMatch(candidate::startsWith);
					if (looksLikeKey && !keys.contains(candidate)) {
						missing.add(source + ": " + candidate);
					}
				}
			}
		}
		for (FederationLevel level : FederationLevel.values()) {
			if (!keys.contains("federation.code.length." + level.name())) {
				missing.add("federation.code.length." + level.name());
			}
			if (!keys.contains("federation.level." + level.name())
					|| !keys.contains("federation.levelCount." + level.name())) {
				missing.add("federation.level(Count)." + level.name());
			}
		}
		assertThat(missing).isEmpty();
	}

	private static void collect(Pattern pattern, String text, Set<String> keys, Set<String> missing, String where) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			if (!keys.contains(matcher.group(1))) {
				missing.add(where + ": " + matcher.group(1));
			}
		}
	}

	/** Fragment arguments like 'currentPassword' are field names, not keys. */
	private static boolean isFieldName(String argument) {
		return !argument.contains(".");
	}

	private static String withoutCommentsAndScripts(String html) {
		return html.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?s)<script[^>]*>.*?</script>", "")
			.replaceAll("(?s)<style[^>]*>.*?</style>", "");
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
		}
	}

	/** All message bundles of one language, read from the configured basenames. */
	private static Properties messages(String resource) throws IOException {
		boolean english = resource.endsWith("_en.properties");
		Properties configuration = new Properties();
		try (InputStream in = I18nTests.class.getClassLoader().getResourceAsStream("application.properties")) {
			configuration.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Properties properties = new Properties();
		for (String basename : configuration.getProperty("spring.messages.basename").split(",")) {
			String bundle = basename.trim() + (english ? "_en" : "") + ".properties";
			try (InputStream in = I18nTests.class.getClassLoader().getResourceAsStream(bundle)) {
				assertThat(in).as(bundle).isNotNull();
				Properties one = new Properties();
				one.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				one.stringPropertyNames()
					.forEach(key -> assertThat(properties.containsKey(key)).as("key %s in two bundles", key).isFalse());
				properties.putAll(one);
			}
		}
		return properties;
	}

}
