package org.caringmothers.dashboard;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caringmothers.demo.ProvinceScaleData;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress dashboard at province scale: 50,000 children, 30,000 mothers and two
 * million contacts over three years across the whole Shanxi tree, made by
 * {@link ProvinceScaleData} (a fifth of that unless {@code dashboard.benchmark.scale}
 * says otherwise). Prints the generated row counts, the timings of the dashboard's calls
 * for the province, a city and a county, and the plans of the heaviest query shapes;
 * asserts only that the figures are right.
 */
@SpringBootTest(properties = "caringmothers.embedded-db.data-dir=target/test-postgres/scale-${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("benchmark")
class DashboardBenchmarkTests {

	/**
	 * Share of the province scale to generate: a fifth by default, so that the build
	 * stays quick; {@code -Ddashboard.benchmark.scale=1} for the full province (about
	 * four minutes on two cores).
	 */
	static final double SCALE = Double.parseDouble(System.getProperty("dashboard.benchmark.scale", "0.2"));

	static final int CHILDREN = (int) (50_000 * SCALE);

	static final int MOTHERS = (int) (30_000 * SCALE);

	static final int CONTACTS = (int) (2_000_000 * SCALE);

	private static final int WARM_UP_RUNS = 2;

	private static final int MEASURED_RUNS = 5;

	@Autowired
	ProvinceScaleData scaleData;

	@Autowired
	DashboardService dashboards;

	@Autowired
	FederationService federations;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transactions;

	ProvinceScaleData.Report generated;

	@BeforeAll
	void generate() {
		this.generated = this.scaleData.generate(CHILDREN, MOTHERS, CONTACTS);
	}

	@Test
	void dashboardFiguresStayRightAtProvinceScale() {
		LocalDate today = LocalDate.now(this.clock);
		Federation province = this.federations.findByCode("140000").orElseThrow();
		Federation xinzhou = this.federations.findByCode("140900").orElseThrow();
		Federation shenchi = this.federations.findByCode("140927").orElseThrow();
		Period month = Period.of(Period.Kind.THIS_MONTH, today, null, null);
		Period year = Period.of(Period.Kind.YEAR, today, null, null);

		System.out.printf("%n[benchmark] dashboard at %.0f%% of province scale: generated in %,d ms: %s%n", SCALE * 100,
				this.generated.millis(), this.generated);
		for (String table : List.of("federation", "child", "child_category", "volunteer", "pairing", "visit",
				"visit_gift", "need", "event", "event_attendee", "volunteer_training")) {
			System.out.printf("[benchmark]   %-20s %,12d rows%n", table,
					this.jdbc.queryForObject("select count(*) from " + table, Long.class));
		}

		List<String[]> timings = new ArrayList<>();
		for (Federation federation : List.of(province, xinzhou, shenchi)) {
			List<Federation> children = this.federations.children(federation);
			for (Period period : List.of(month, year)) {
				String label = federation.getName() + " " + period.kind();
				Runnable progress = () -> this.dashboards.progress(federation, period);
				timings.add(measure("dashboard " + label + " (" + children.size() + " rows)", progress,
						customPlans(progress)));
			}
		}
		System.out.printf("[benchmark] %-36s %10s %10s %14s %14s  (%d warm-up, %d measured runs)%n", "call",
				"median ms", "max ms", "custom median", "custom max", WARM_UP_RUNS, MEASURED_RUNS);
		for (String[] row : timings) {
			System.out.printf("[benchmark] %-36s %10s %10s %14s %14s%n", (Object[]) row);
		}

		Figures provinceYear = this.dashboards.figures(province, year);
		Figures cityYear = this.dashboards.figures(xinzhou, year);
		Figures countyYear = this.dashboards.figures(shenchi, year);
		printFigures(year, provinceYear, cityYear, countyYear);

		Date from = Date.valueOf(year.from());
		Date to = Date.valueOf(year.to());
		assertThat(this.generated.contacts()).isEqualTo(CONTACTS);
		assertThat(this.generated.children()).isEqualTo(CHILDREN);
		assertThat(provinceYear.contacts()).isEqualTo(this.jdbc
			.queryForObject("select count(*) from visit where visit_date between ? and ?", Long.class, from, to));
		assertThat(provinceYear.homeVisits()).isEqualTo(this.jdbc.queryForObject(
				"select count(*) from visit where visit_date between ? and ? and mode = 'HOME_VISIT'", Long.class, from,
				to));
		assertThat(provinceYear.giftValue()).isEqualByComparingTo(this.jdbc.queryForObject("""
				select coalesce(sum(g.value_yuan), 0) from visit_gift g join visit x on x.id = g.visit_id
				where x.visit_date between ? and ?""", BigDecimal.class, from, to));
		assertThat(provinceYear.activePairings())
			.isEqualTo(this.jdbc.queryForObject("select count(*) from pairing where end_date is null", Long.class));
		assertThat(provinceYear.contacts()).isGreaterThan(cityYear.contacts()).isGreaterThan(countyYear.contacts());
		assertThat(countyYear.contacts()).isPositive();
		assertAdditive(provinceYear, this.dashboards.progress(province, year).rows().values());
		assertAdditive(this.dashboards.figures(xinzhou, month),
				this.dashboards.progress(xinzhou, month).rows().values());

		explainHeaviestShapes(province, shenchi, year, month);
	}

	/**
	 * Times a dashboard call as the application makes it, and the same call with every
	 * statement planned for its actual parameters: on a pooled connection PostgreSQL soon
	 * switches a prepared statement to a generic plan, which cannot see how much of the
	 * tree {@code f.path like ?} covers.
	 * @return the label, median and maximum in milliseconds of both
	 */
	private static String[] measure(String label, Runnable call, Runnable withCustomPlans) {
		double[] generic = time(call);
		double[] custom = time(withCustomPlans);
		return new String[] { label, format(generic[0]), format(generic[1]), format(custom[0]), format(custom[1]) };
	}

	/** Median and maximum of a few runs after a few to warm up, in milliseconds. */
	private static double[] time(Runnable call) {
		for (int i = 0; i < WARM_UP_RUNS; i++) {
			call.run();
		}
		double[] millis = new double[MEASURED_RUNS];
		for (int i = 0; i < millis.length; i++) {
			long started = System.nanoTime();
			call.run();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[millis.length / 2], millis[millis.length - 1] };
	}

	private static String format(double millis) {
		return String.format("%.1f", millis);
	}

	/** The call inside a transaction that has PostgreSQL plan each statement afresh. */
	private Runnable customPlans(Runnable call) {
		return () -> this.transactions.executeWithoutResult(status -> {
			this.jdbc.execute("set local plan_cache_mode = force_custom_plan");
			call.run();
		});
	}

	/**
	 * Every count and sum of a federation is the sum of those of the federations below.
	 */
	private static void assertAdditive(Figures whole, java.util.Collection<Figures> parts) {
		for (RecordComponent component : Figures.class.getRecordComponents()) {
			if (component.getType() == long.class) {
				long sum = parts.stream().mapToLong(part -> (long) value(component, part)).sum();
				assertThat(sum).as(component.getName()).isEqualTo((long) value(component, whole));
			}
			else if (component.getType() == BigDecimal.class) {
				BigDecimal sum = parts.stream()
					.map(part -> (BigDecimal) value(component, part))
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				assertThat(sum).as(component.getName()).isEqualByComparingTo((BigDecimal) value(component, whole));
			}
		}
	}

	private static void printFigures(Period period, Figures... columns) {
		System.out.printf("[benchmark] figures for %s %s..%s: %20s %14s %14s%n", period.kind(), period.from(),
				period.to(), "山西省 140000", "忻州市 140900", "神池县 140927");
		for (RecordComponent component : Figures.class.getRecordComponents()) {
			StringBuilder line = new StringBuilder(String.format("[benchmark]   %-28s", component.getName()));
			for (Figures figures : columns) {
				line.append(String.format(" %18s", value(component, figures)));
			}
			System.out.println(line);
		}
	}

	private static Object value(RecordComponent component, Figures figures) {
		try {
			return component.getAccessor().invoke(figures);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The query shapes that carry most of the dashboard's time, as
	 * {@code DashboardService} writes them, with their plans at this scale: execution
	 * time for the province over the year and the county over the month, planned for the
	 * actual parameters (custom) and without them (generic, as a pooled connection soon
	 * runs them), and the plans of the slowest ones.
	 */
	private void explainHeaviestShapes(Federation province, Federation county, Period year, Period month) {
		LocalDate today = LocalDate.now(this.clock);
		Date day30 = Date.valueOf(today.minusDays(30));
		Date day90 = Date.valueOf(today.minusDays(90));
		List<Shape> shapes = List.of(new Shape("contacts in period", """
				select count(*) from visit x join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
				join federation f on f.id = c.federation_id where f.path like ? and x.visit_date between ? and ?""",
				true, null),
				new Shape("gift value in period",
						"""
								select coalesce(sum(g.value_yuan), 0) from visit_gift g join visit x on x.id = g.visit_id
								join pairing y on y.id = x.pairing_id join child c on c.id = y.child_id
								join federation f on f.id = c.federation_id where f.path like ? and x.visit_date between ? and ?""",
						true, null),
				new Shape("pairings contacted in 30 days",
						"""
								select count(*) from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
								where f.path like ? and y.end_date is null
								  and exists (select 1 from visit x where x.pairing_id = y.id and x.visit_date > ?)""",
						false, day30),
				new Shape("pairings home-visited in 90 days",
						"""
								select count(*) from pairing y join child c on c.id = y.child_id join federation f on f.id = c.federation_id
								where f.path like ? and y.end_date is null
								  and exists (select 1 from visit x where x.pairing_id = y.id and x.mode = 'HOME_VISIT'
								    and x.visit_date > ?)""",
						false, day90),
				new Shape("children paired", """
						select count(*) from child c join federation f on f.id = c.federation_id
						where f.path like ? and c.status = 'ACTIVE'
						  and exists (select 1 from pairing x where x.child_id = c.id and x.end_date is null)""", false,
						null),
				new Shape("training hours in period",
						"""
								select coalesce(sum(t.hours), 0) from volunteer_training t join volunteer v on v.id = t.volunteer_id
								join federation f on f.id = v.federation_id
								where f.path like ? and t.training_date between ? and ?""",
						true, null),
				new Shape("needs raised in period",
						"""
								select count(*) from need n join child c on c.id = n.child_id join federation f on f.id = c.federation_id
								where f.path like ? and n.raised_at::date between ? and ?""",
						true, null));
		List<Object[]> runs = new ArrayList<>();
		for (Shape shape : shapes) {
			for (Object[] scope : List.of(new Object[] { province, year }, new Object[] { county, month })) {
				Federation federation = (Federation) scope[0];
				Period period = (Period) scope[1];
				List<Object> arguments = new ArrayList<>(List.of(federation.getPath() + "%"));
				if (shape.period()) {
					arguments.addAll(List.of(Date.valueOf(period.from()), Date.valueOf(period.to())));
				}
				if (shape.since() != null) {
					arguments.add(shape.since());
				}
				String label = shape.name() + ", " + federation.getName() + (shape.period() ? " " + period.kind() : "");
				List<String> custom = this.jdbc.queryForList("explain (analyze, buffers) " + shape.sql(), String.class,
						arguments.toArray());
				List<String> generic = genericPlan(shape.sql(), arguments);
				runs.add(new Object[] { label + " (custom plan)", executionTime(custom), custom });
				runs.add(new Object[] { label + " (generic plan)", executionTime(generic), generic });
			}
		}
		System.out.printf("[benchmark] EXPLAIN (ANALYZE, BUFFERS) execution time of the heaviest query shapes:%n");
		for (Object[] run : runs) {
			System.out.printf("[benchmark]   %-70s %10.1f ms%n", run[0], run[1]);
		}
		runs.sort(Comparator.comparingDouble(run -> -(double) run[1]));
		for (Object[] run : runs.subList(0, 3)) {
			@SuppressWarnings("unchecked")
			List<String> plan = (List<String>) run[2];
			System.out.printf("[benchmark] plan of %s:%n  %s%n", run[0], String.join("\n  ", plan));
		}
	}

	/**
	 * The plan PostgreSQL settles on for a statement the application prepares once and
	 * runs many times on a pooled connection: planned without its parameters' values.
	 */
	private List<String> genericPlan(String sql, List<Object> arguments) {
		String prepared = sql;
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < arguments.size(); i++) {
			prepared = prepared.replaceFirst("\\?", "\\$" + (i + 1));
			values.append(i == 0 ? "" : ", ").append('\'').append(arguments.get(i)).append('\'');
		}
		String statement = prepared;
		return this.transactions.execute(status -> {
			this.jdbc.execute("set local plan_cache_mode = force_generic_plan");
			this.jdbc.execute("prepare dashboard_shape as " + statement);
			List<String> plan = this.jdbc
				.queryForList("explain (analyze, buffers) execute dashboard_shape(" + values + ")", String.class);
			this.jdbc.execute("deallocate dashboard_shape");
			return plan;
		});
	}

	private static double executionTime(List<String> plan) {
		return plan.stream()
			.filter(line -> line.startsWith("Execution Time:"))
			.mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9.]", "")))
			.findFirst()
			.orElse(-1);
	}

	/**
	 * A query shape of the dashboard: its SQL takes the path pattern, then the period's
	 * days when {@code period}, then the {@code since} day when given.
	 */
	private record Shape(String name, String sql, boolean period, Date since) {
	}

}
