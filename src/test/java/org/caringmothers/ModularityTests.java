package org.caringmothers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CaringMothersApplication.class);

	@Test
	void modulesDependOnlyOnWhatTheyMay() {
		this.modules.verify();
	}

	@Test
	void nobodyReadsTheDashboardOrTheDemoData() {
		assertThat(this.modules.stream().map(module -> module.getIdentifier().toString())).contains("common",
				"federation", "account", "dashboard", "demo");
		this.modules.stream()
			.forEach(module -> assertThat(module.getDirectDependencies(this.modules).containsModuleNamed("dashboard")
					|| module.getDirectDependencies(this.modules).containsModuleNamed("demo"))
				.as(module.getIdentifier().toString())
				.isFalse());
	}

	@Test
	void theFederationTreeDependsOnNoBusinessModule() {
		assertThat(this.modules.getModuleByName("federation")
			.orElseThrow()
			.getDirectDependencies(this.modules)
			.uniqueModules()
			.map(module -> module.getIdentifier().toString())).containsOnly("common");
	}

	@Test
	void everyModuleDeclaresWhatItMayDependOn() {
		this.modules.stream()
			.filter(module -> !module.getIdentifier().toString().equals("common"))
			.forEach(module -> assertThat(module.getBasePackage()
				.getAnnotation(org.springframework.modulith.ApplicationModule.class)
				.map(annotation -> annotation.allowedDependencies().length)
				.orElse(0)).as(module.getIdentifier().toString()).isPositive());
	}

	@Test
	void writesModuleDocumentation(@TempDir Path folder) throws IOException {
		new Documenter(this.modules, folder.toString()).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		String components = Files.readString(folder.resolve("components.puml"));
		this.modules.stream().forEach(module -> {
			assertThat(components).as("module map").contains(module.getDisplayName());
			assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).isRegularFile();
		});
	}

}
