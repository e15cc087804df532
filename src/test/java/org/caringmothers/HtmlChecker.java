package org.caringmothers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Nu Html Checker (npm's {@code vnu-jar}, installed into {@code .tools} by
 * {@code .ci/run}) run as a subprocess over pages the tests fetched. Without the jar the
 * check is skipped, except on CI ({@code CI=true}) where it fails, as the browser tests
 * do without Chromium.
 */
final class HtmlChecker {

	static final Path JAR = Path.of(System.getProperty("vnu.jar", ".tools/node_modules/vnu-jar/build/dist/vnu.jar"));

	private final Map<String, String> pages = new LinkedHashMap<>();

	void add(String name, String html) {
		this.pages.put(name, html);
	}

	/** Every error the checker finds, one line each with the page's name. */
	List<String> errors() throws IOException, InterruptedException {
		requireJar();
		Path dir = Files.createTempDirectory("cm-vnu-");
		Map<String, String> names = new LinkedHashMap<>();
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xss2m", "-jar", JAR.toAbsolutePath().toString(),
				"--format", "json", "--errors-only"));
		int i = 0;
		for (Map.Entry<String, String> page : this.pages.entrySet()) {
			Path file = dir.resolve("page-" + (i++) + ".html");
			Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
			names.put(file.toUri().toString().replace("file:///", "file:/"), page.getKey());
			command.add(file.toString());
		}
		Path report = dir.resolve("report.json");
		Process process = new ProcessBuilder(command).redirectError(report.toFile())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			Assertions.fail("the Nu Html Checker did not finish in 5 minutes");
		}
		JsonNode json = JsonMapper.builder().build().readTree(report.toFile());
		if (json == null || !json.path("messages").isArray()) {
			Assertions.fail("the Nu Html Checker gave no report: " + Files.readString(report));
		}
		List<String> errors = new ArrayList<>();
		for (JsonNode message : json.path("messages")) {
			if (!"error".equals(message.path("type").asString()) && !"fatal".equals(message.path("subType").asString())
					&& !"non-document-error".equals(message.path("type").asString())) {
				continue;
			}
			String url = message.path("url").asString();
			errors.add(names.getOrDefault(url, url) + " line " + message.path("lastLine").asString() + ": "
					+ message.path("message").asString() + " [" + message.path("extract").asString() + "]");
		}
		return errors;
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void requireJar() {
		if (Files.isReadable(JAR)) {
			return;
		}
		String problem = "The HTML check needs the Nu Html Checker at " + JAR
				+ " (npm install --no-save --prefix .tools vnu-jar, as .ci/run does)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(problem + " (CI=true: failing instead of skipping)");
		}
		System.err.println("WARNING: skipping the HTML check. " + problem);
		Assumptions.abort(problem);
	}

}
