package org.caringmothers.federation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The federation tree on real PostgreSQL: schema, the full Shanxi tree, and the scope
 * query.
 */
@SpringBootTest
class FederationTreeIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FederationService federations;

	@Autowired
	FederationTreeLoader loader;

	@Test
	void flywayCreatedTheSchemaFromEmpty() throws Exception {
		int migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
		assertThat(this.jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isEqualTo(migrations);
		assertThat(this.jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = 'public'", String.class))
			.contains("federation", "station", "app_user");
	}

	@Test
	void theWholeShanxiTreeIsLoadedOnceEvenWhenTheLoaderRunsAgain() {
		this.loader.run(null);
		Map<String, Integer> byLevel = new HashMap<>();
		this.jdbc.query("select level, count(*) from federation where level <> 'VILLAGE' group by level", row -> {
			byLevel.put(row.getString(1), row.getInt(2));
		});
		assertThat(byLevel).containsEntry("PROVINCE", 1)
			.containsEntry("CITY", 11)
			.containsEntry("COUNTY", 121)
			.containsEntry("TOWNSHIP", 1352);
		assertThat(this.federations.findByCode("140927").orElseThrow().getName()).isEqualTo("神池县");
	}

	@Test
	void scopeQueryMatchesTheDivisionListForEveryCityAndCounty() {
		Map<String, String> parentOf = new HashMap<>();
		for (String[] row : FederationTreeLoader.readDivisions()) {
			parentOf.put(row[0], row[3]);
		}
		Map<Long, String> codeOf = new HashMap<>();
		Map<String, Long> idOf = new HashMap<>();
		this.jdbc.query("select id, code from federation where level <> 'VILLAGE'", row -> {
			codeOf.put(row.getLong(1), row.getString(2));
			idOf.put(row.getString(2), row.getLong(1));
		});
		List<String> roots = parentOf.keySet().stream().filter(code -> code.length() == 6).toList();
		for (String root : roots) {
			Set<String> expected = parentOf.keySet()
				.stream()
				.filter(code -> isUnder(code, root, parentOf))
				.collect(Collectors.toSet());
			Set<String> actual = this.federations.idsWithin(idOf.get(root))
				.stream()
				.map(codeOf::get)
				.filter(code -> code != null)
				.collect(Collectors.toCollection(HashSet::new));
			assertThat(actual).as("subtree of %s", root).isEqualTo(expected);
		}
		long shenchi = idOf.get("140927");
		long xinzhou = idOf.get("140900");
		long loufan = idOf.get("140123");
		assertThat(this.federations.isWithin(shenchi, xinzhou)).isTrue();
		assertThat(this.federations.isWithin(shenchi, shenchi)).isTrue();
		assertThat(this.federations.isWithin(xinzhou, shenchi)).isFalse();
		assertThat(this.federations.isWithin(shenchi, loufan)).isFalse();
		assertThat(this.federations.isWithin(idOf.get("140927100"), shenchi)).isTrue();
		assertThat(this.federations.isWithin(idOf.get("140123100"), shenchi)).isFalse();
	}

	@Test
	void theDatabaseKeepsTheTreeConsistent() {
		long shenchi = this.federations.findByCode("140927").orElseThrow().getId();
		long loufan = this.federations.findByCode("140123").orElseThrow().getId();
		assertThatThrownBy(() -> this.jdbc.update("update federation set parent_id = ? where id = ?", loufan, shenchi))
			.hasMessageContaining("cannot move");
		assertThatThrownBy(() -> this.jdbc.update(
				"insert into federation (parent_id, level, code, name) values (?, 'TOWNSHIP', '1409271', 'x')",
				shenchi))
			.hasMessageContaining("check");
		assertThatThrownBy(() -> this.jdbc.update(
				"insert into federation (parent_id, level, code, name) values (?, 'TOWNSHIP', '140927100', 'x')",
				shenchi))
			.hasMessageContaining("duplicate key");
	}

	private static boolean isUnder(String code, String root, Map<String, String> parentOf) {
		for (String current = code; current != null && !current.isEmpty(); current = parentOf.get(current)) {
			if (current.equals(root)) {
				return true;
			}
		}
		return false;
	}

}
