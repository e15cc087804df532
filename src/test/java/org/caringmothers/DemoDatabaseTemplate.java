package org.caringmothers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.StringUtils;

/**
 * Gives every test context that would load the demo data into a fresh embedded PostgreSQL
 * (the test configuration: a new {@code caringmothers.embedded-db.data-dir} with
 * {@code clean=true}) a copy of a data folder that already holds it, instead of running
 * initdb, the migrations and the demo loader again (about 10 s a context).
 * <p>
 * The template is made once per test JVM, by starting the application on a data folder of
 * its own, letting it migrate and load the demo data as any test context does, and
 * stopping it (PostgreSQL shuts down cleanly, so the folder is consistent). A context
 * then starts on its own copy exactly as the application restarts on its data: Flyway
 * finds every migration applied and the demo loader finds its data, so each context still
 * has a database of its own, untouched by any other context. The copy is deleted when its
 * context closes.
 * <p>
 * Contexts with the demo data switched off, with {@code DB_URL}, or with a data folder
 * that is not cleaned (kept on purpose) start as before.
 * {@code -Dtests.demo-template=false} switches the copying off.
 */
class DemoDatabaseTemplate implements ContextCustomizerFactory {

	private static final Logger log = LoggerFactory.getLogger(DemoDatabaseTemplate.class);

	static final String DATA_DIR = "caringmothers.embedded-db.data-dir";

	static final String CLEAN = "caringmothers.embedded-db.clean";

	private static Path template;

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if ("false".equalsIgnoreCase(System.getProperty("tests.demo-template"))) {
			return null;
		}
		return new CopyTemplate();
	}

	/** The template's data folder, made on first use. */
	private static synchronized Path template() {
		if (template == null) {
			long started = System.nanoTime();
			Path folder = Path.of("target", "test-postgres", "template-" + UUID.randomUUID()).toAbsolutePath();
			// not cleaned: zonky would delete the folder when the application stops
			// arguments, which override the test configuration's own folder and
			// clean=true
			ConfigurableApplicationContext application = new SpringApplicationBuilder(CaringMothersApplication.class)
				.run("--" + DATA_DIR + "=" + folder, "--" + CLEAN + "=false", "--caringmothers.demo.enabled=true",
						"--DB_URL=", "--server.port=0");
			application.close();
			Path passwordFile = passwordFile(folder);
			if (!Files.exists(folder.resolve("postgresql.conf")) || !Files.exists(passwordFile)) {
				throw new IllegalStateException("The demo database template was not made in " + folder);
			}
			log.info("Demo database template made in {} ms: {}", (System.nanoTime() - started) / 1_000_000, folder);
			template = folder;
			// its server is stopped: nothing uses the folder once the copies exist
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					delete(folder);
					Files.deleteIfExists(passwordFile);
				}
				catch (IOException ex) {
					// left in target/, which the next clean build removes
				}
			}));
		}
		return template;
	}

	private static Path passwordFile(Path dataDir) {
		return dataDir.getParent().resolve(dataDir.getFileName() + "-password");
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				// with its permissions: PostgreSQL refuses a data folder others may read
				Files.copy(dir, to.resolve(from.relativize(dir)), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				if (!file.getFileName().toString().equals("epg-lock")) {
					Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
				}
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	/** Equal for every test class, so it does not split the context cache. */
	static final class CopyTemplate implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			ConfigurableEnvironment environment = context.getEnvironment();
			if (StringUtils.hasText(environment.getProperty("DB_URL"))
					|| !environment.getProperty("caringmothers.demo.enabled", Boolean.class, false)
					|| !environment.getProperty(CLEAN, Boolean.class, false)
					|| !StringUtils.hasText(environment.getProperty(DATA_DIR))) {
				return;
			}
			// read once: a folder named with ${random.uuid} is another one at every read
			Path dataDir = Path.of(environment.getProperty(DATA_DIR)).toAbsolutePath();
			Path source = template();
			try {
				delete(dataDir);
				Files.createDirectories(dataDir.getParent());
				copy(source, dataDir);
				Files.copy(passwordFile(source), passwordFile(dataDir), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.COPY_ATTRIBUTES);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot copy the demo database template to " + dataDir, ex);
			}
			environment.getPropertySources()
				.addFirst(new MapPropertySource("demoDatabaseTemplate",
						Map.of(DATA_DIR, dataDir.toString(), CLEAN, "false")));
			// deleted after the database (registered first, so destroyed last)
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("demoDatabaseCopy",
					(DisposableBean) () -> {
						delete(dataDir);
						Files.deleteIfExists(passwordFile(dataDir));
					});
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof CopyTemplate;
		}

		@Override
		public int hashCode() {
			return CopyTemplate.class.hashCode();
		}

	}

}
