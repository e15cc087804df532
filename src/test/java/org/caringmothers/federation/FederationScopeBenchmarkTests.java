package org.caringmothers.federation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope queries at the size the representation was chosen for: the Shanxi tree plus
 * 15 villages under every township (over 21,000 federations). Prints its timings; asserts
 * only correctness and that PostgreSQL answers subtree queries from the path index.
 */
@SpringBootTest(properties = "caringmothers.embedded-db.data-dir=target/test-postgres/scale-${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("benchmark")
class FederationScopeBenchmarkTests {

	private static final int VILLAGES_PER_TOWNSHIP = 15;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FederationService federations;

	@BeforeAll
	void generateVillages() {
		this.jdbc.update("""
				insert into federation (parent_id, level, code, name)
				select t.id, 'VILLAGE', t.code || lpad(g::text, 3, '0'), t.name || g || '村'
				from federation t, generate_series(1, ?) g
				where t.level = 'TOWNSHIP'
				on conflict do nothing""", VILLAGES_PER_TOWNSHIP);
		this.jdbc.execute("analyze federation");
	}

	@Test
	void subtreeQueriesStayCorrectAndIndexedAtTwentyThousandFederations() {
		long total = this.jdbc.queryForObject("select count(*) from federation", Long.class);
		assertThat(total).isGreaterThan(20_000);
		long province = this.federations.findByCode("140000").orElseThrow().getId();
		Federation xinzhou = this.federations.findByCode("140900").orElseThrow();
		Federation shenchi = this.federations.findByCode("140927").orElseThrow();

		long shenchiTownships = this.jdbc.queryForObject("select count(*) from federation where parent_id = ?",
				Long.class, shenchi.getId());
		assertThat(this.federations.idsWithin(shenchi.getId()))
			.hasSize((int) (1 + shenchiTownships * (1 + VILLAGES_PER_TOWNSHIP)));
		assertThat(this.federations.idsWithin(province)).hasSize((int) total);

		String plan = String.join("\n", this.jdbc.queryForList(
				"explain select id from federation where path like '" + shenchi.getPath() + "%'", String.class));
		// federation_path_idx (text_pattern_ops) serves any collation; under the C
		// collation
		// PostgreSQL may equally take the unique index on path.
		assertThat(plan).containsPattern("Index (Only )?Scan (using|on) federation_path_(idx|key)")
			.contains("Index Cond: (((path)::text >= '" + shenchi.getPath() + "'");

		List<Long> villageIds = this.jdbc.queryForList("select id from federation where level = 'VILLAGE' order by id",
				Long.class);
		Random random = new Random(42);
		List<long[]> pairs = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			pairs.add(new long[] { villageIds.get(random.nextInt(villageIds.size())),
					random.nextBoolean() ? xinzhou.getId() : shenchi.getId() });
		}

		System.out.printf("%n[benchmark] federation scope queries on %,d federations (materialised path)%n", total);
		report("all ids under the province", () -> this.federations.idsWithin(province).size());
		report("all ids under a city (忻州市)", () -> this.federations.idsWithin(xinzhou.getId()).size());
		report("all ids under a county (神池县)", () -> this.federations.idsWithin(shenchi.getId()).size());
		report("summary counts under the province",
				() -> (int) this.federations.summary(this.federations.findById(province).orElseThrow())
					.totalFederations());
		long started = System.nanoTime();
		int inside = 0;
		for (long[] pair : pairs) {
			inside += this.federations.isWithin(pair[0], pair[1]) ? 1 : 0;
		}
		double perCall = (System.nanoTime() - started) / 1e6 / pairs.size();
		System.out.printf(
				"[benchmark] is X under Y: %.3f ms per call over %d random village/ancestor pairs (%d inside)%n",
				perCall, pairs.size(), inside);
		System.out.printf("[benchmark] plan of a county subtree query:%n%s%n", plan);
	}

	private static void report(String what, Supplier<Integer> query) {
		for (int i = 0; i < 3; i++) {
			query.get();
		}
		double[] millis = new double[15];
		int rows = 0;
		for (int i = 0; i < millis.length; i++) {
			long started = System.nanoTime();
			rows = query.get();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		System.out.printf("[benchmark] %s: %,d rows, median %.2f ms, max %.2f ms over %d runs%n", what, rows,
				millis[millis.length / 2], millis[millis.length - 1], millis.length);
	}

}
