package org.caringmothers;

import org.junit.jupiter.api.Test;

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
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml();
	}

}
