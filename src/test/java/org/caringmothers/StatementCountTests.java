package org.caringmothers;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.caringmothers.common.DemoUsers;
import org.caringmothers.visit.RecentEntries;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many SQL statements each page issues, counted at the JDBC level (so that
 * {@code JdbcTemplate}, Hibernate, the session store and the audit all count) on the
 * request's own thread, through the real server with real sign-ins: at most ten per page,
 * and the same number with lists of one and of fifty rows. Writes the counts to
 * {@code target/statement-counts.csv} (read by {@code bench/run.sh}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "caringmothers.embedded-db.data-dir=target/test-postgres/statements-${random.uuid}")
class StatementCountTests {

	static final int LIMIT = 10;

	/** Paged lists whose total is counted only when their first page is full. */
	static final List<String> PAGED = List.of("review queue");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyPageIssuesFewStatementsWhateverTheSizeOfItsLists() throws Exception {
		grow(1, 1);
		Map<String, Integer> small = countPages();
		grow(2, 50);
		Map<String, Integer> large = countPages();
		StringBuilder table = new StringBuilder("page,statements_1,statements_50\n");
		small.forEach((page, count) -> table.append(page)
			.append(',')
			.append(count)
			.append(',')
			.append(large.get(page))
			.append('\n'));
		System.out.println("[statements]\n" + table);
		Counting.STATEMENTS.forEach((page, statements) -> System.out
			.println("[statements] " + page + ":\n  " + String.join("\n  ", statements)));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/statement-counts.csv"), table);
		Map<String, Integer> expectedLarge = new LinkedHashMap<>(small);
		// a paged list asks for its total only once the first page is full (Spring Data)
		PAGED.forEach(page -> expectedLarge.computeIfPresent(page, (p, count) -> count + 1));
		assertThat(large).as("the same count with fifty rows more in every list").isEqualTo(expectedLarge);
		for (Map.Entry<String, Integer> page : small.entrySet()) {
			assertThat(page.getValue()).as("statements of %s", page.getKey()).isLessThanOrEqualTo(LIMIT);
		}
	}

	/**
	 * Her home page shows the latest {@value RecentEntries#SHOWN} entries she may still
	 * correct per child and a link to all of them: sixty entries more change neither what
	 * it shows nor the statements it issues, and the full list pages them.
	 */
	@Test
	void motherHomeShowsHerLatestEntriesAndLinksToTheRest() throws Exception {
		long pairing = id(
				"""
						select y.id from pairing y join volunteer v on v.id = y.volunteer_id join app_user u on u.id = v.account_id
						where u.username = 'loufan.mother' and y.end_date is null order by y.id limit 1""");
		Session mother = signIn(DemoUsers.LOUFAN_MOTHER);
		this.jdbc
			.update("""
					insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, recorded_by, client_token,
					  federation_id)
					select y.id, current_date - (i % 5), 'PHONE', 20, 'GOOD', u.id, 'bound-test-a-' || i, y.federation_id
					from generate_series(1, ?) i, app_user u, pairing y where u.username = 'loufan.mother' and y.id = ?""",
					RecentEntries.SHOWN + 1, pairing);
		int before = mother.get("/");
		this.jdbc
			.update("""
					insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, recorded_by, client_token,
					  federation_id)
					select y.id, current_date - (i % 5), 'VIDEO', 20, 'GOOD', u.id, 'bound-test-b-' || i, y.federation_id
					from generate_series(1, 60) i, app_user u, pairing y where u.username = 'loufan.mother' and y.id = ?""",
					pairing);
		int after = mother.get("/");
		assertThat(after).as("statements of her home with sixty entries more")
			.isEqualTo(before)
			.isLessThanOrEqualTo(LIMIT);
		long editable = id("""
				select count(*) from visit v join app_user u on u.id = v.recorded_by
				where u.username = 'loufan.mother' and v.pairing_id = %d and v.created_at > now() - interval '7 days'"""
			.formatted(pairing));
		assertThat(editable).isGreaterThan(60 + RecentEntries.SHOWN);
		String home = mother.send(HttpRequest.newBuilder(mother.uri("/")).GET().build()).body();
		int cardStart = home.indexOf("data-pairing=\"" + pairing + "\"");
		assertThat(cardStart).as("her card of the pairing").isPositive();
		int cardEnd = home.indexOf("class=\"btn btn-primary btn-lg w-100 log-visit\"", cardStart);
		String card = home.substring(cardStart, cardEnd);
		assertThat(Pattern.compile("class=\"recent-entry ").matcher(card).results().count())
			.as("entries shown on her card")
			.isEqualTo(RecentEntries.SHOWN);
		assertThat(card).contains("href=\"/my/visits?pairing=" + pairing + "\"")
			.contains(
					"查看全部 " + ((editable >= RecentEntries.COUNTED) ? RecentEntries.COUNTED + "+" : editable) + " 条记录");
		String all = mother.send(HttpRequest.newBuilder(mother.uri("/my/visits?pairing=" + pairing)).GET().build())
			.body();
		assertThat(Pattern.compile("class=\"my-entry ").matcher(all).results().count()).as("first page of the list")
			.isEqualTo(20);
		assertThat(all).contains("?pairing=" + pairing + "&amp;page=1");
		assertThat(mother.get("/my/visits?pairing=" + pairing + "&page=1")).isLessThanOrEqualTo(LIMIT);
	}

	private Map<String, Integer> countPages() throws Exception {
		long shenchi = id("select id from federation where code = '140927'");
		long child = id("""
				select c.id from child c join federation f on f.id = c.federation_id join pairing y on y.child_id = c.id
				where f.path like (select path from federation where code = '140927') || '%' and y.end_date is null
				order by c.id limit 1""");
		long pairing = id(
				"""
						select y.id from pairing y join volunteer v on v.id = y.volunteer_id join app_user u on u.id = v.account_id
						where u.username = 'loufan.mother' and y.end_date is null order by y.id limit 1""");
		Map<String, Integer> counts = new LinkedHashMap<>();
		Session admin = signIn(DemoUsers.ADMIN);
		Session official = signIn(DemoUsers.XINZHOU_OFFICIAL);
		Session staff = signIn(DemoUsers.SHENCHI_STAFF);
		Session mother = signIn(DemoUsers.LOUFAN_MOTHER);
		count(counts, "staff home", () -> staff.get("/"));
		count(counts, "province dashboard", () -> admin.get("/dashboard"));
		count(counts, "city dashboard", () -> official.get("/dashboard"));
		count(counts, "county dashboard", () -> staff.get("/dashboard"));
		count(counts, "children list filtered",
				() -> staff.get("/children?federationCode=140927&category=LEFT_BEHIND"));
		count(counts, "children list page 2",
				() -> staff.get("/children?federationCode=140927&category=LEFT_BEHIND&page=1"));
		count(counts, "children list page 200",
				() -> staff.get("/children?federationCode=140927&category=LEFT_BEHIND&page=199"));
		count(counts, "care-gap list", () -> staff.get("/care-gaps"));
		count(counts, "care-gap list far page", () -> staff.get("/care-gaps?page=199"));
		count(counts, "child page", () -> staff.get("/children/" + child));
		count(counts, "child pairing page", () -> staff.get("/pairings/child/" + child));
		count(counts, "mother home", () -> mother.get("/"));
		count(counts, "mother entries", () -> mother.get("/my/visits?size=100"));
		count(counts, "review queue", () -> staff.get("/visits/review"));
		count(counts, "contact submission", () -> mother.logContact(pairing));
		count(counts, "ledger workbook",
				() -> staff.get("/dashboard/" + shenchi + "/ledger.xlsx?month=" + YearMonth.now()));
		return counts;
	}

	private static void count(Map<String, Integer> counts, String page, java.util.concurrent.Callable<Integer> request)
			throws Exception {
		Counting.PAGE.set(page);
		counts.put(page, request.call());
	}

	/** Rows {@code first} to {@code last} more in each list the pages show. */
	private void grow(int first, int last) {
		// fifty children (left behind) in a township of 神池县, each paired with a new
		// mother
		this.jdbc.execute(
				"""
						do $$
						declare
						    c0 child;
						    v0 volunteer;
						    staff bigint := (select id from app_user where username = 'shenchi.staff');
						    cid bigint;
						    vid bigint;
						begin
						    select c.* into c0 from child c join federation f on f.id = c.federation_id
						    where f.path like (select path from federation where code = '140927') || '%' and c.status = 'ACTIVE'
						    order by c.id limit 1;
						    select v.* into v0 from volunteer v where v.role = 'MOTHER' and v.status = 'ACTIVE' order by v.id limit 1;
						    for i in {first}..{last} loop
						        insert into child (federation_id, name, gender, birth_date, parents_situation, risk_level, status)
						        values (c0.federation_id, '测试' || i, c0.gender, c0.birth_date, c0.parents_situation, c0.risk_level, 'ACTIVE')
						        returning id into cid;
						        insert into child_category (child_id, category) values (cid, 'LEFT_BEHIND');
						        insert into volunteer (federation_id, role, name, gender, birth_date, phone, id_number_cipher,
						            id_number_index, id_number_masked, status, interview_done, references_checked, no_criminal_record,
						            oath_date)
						        values (c0.federation_id, 'MOTHER', '测试妈妈' || i, 'FEMALE', v0.birth_date, v0.phone, v0.id_number_cipher,
						            'statement-test-' || i, v0.id_number_masked, 'ACTIVE', true, true, true, v0.oath_date)
						        returning id into vid;
						        insert into pairing (volunteer_id, child_id, start_date, created_by, federation_id)
						        select vid, cid, current_date - 60, staff, c.federation_id from child c where c.id = cid;
						    end loop;
						end $$"""
					.replace("{first}", String.valueOf(first))
					.replace("{last}", String.valueOf(last)));
		// needs past their time limit in 神池县 (the staff home's digest names ten)
		this.jdbc.update(
				"""
						insert into need (child_id, federation_id, category, urgency, description, status, mandatory_report,
						  raised_by, raised_at, version)
						select c.id, c.federation_id, 'STUDY', 'LOW', 'statement test ' || i, 'OPEN', false,
						  (select id from app_user where username = 'shenchi.staff'), now() - interval '100 days', 0
						from generate_series(?, ?) i, (select c.id, c.federation_id from child c join federation f on f.id = c.federation_id
						  where f.path like (select path from federation where code = '140927') || '%' and c.status = 'ACTIVE'
						  order by c.id limit 1) c""",
				first, last);
		// contacts not yet reviewed: the counted child's and 娄烦 mother's
		this.jdbc.update(
				"""
						insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, recorded_by, client_token,
						  federation_id)
						select y.id, current_date - (i % 5), 'PHONE', 20, 'GOOD', (select id from app_user where username = 'shenchi.staff'),
						  'statement-test-' || y.id || '-' || i, y.federation_id
						from generate_series(?, ?) i, (select y.id, y.federation_id from pairing y join child c on c.id = y.child_id
						  join federation f on f.id = c.federation_id
						  where f.path like (select path from federation where code = '140927') || '%' and y.end_date is null
						  order by c.id limit 1) y""",
				first, last);
		this.jdbc.update(
				"""
						insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, recorded_by, client_token,
						  federation_id)
						select y.id, current_date - (i % 5), 'PHONE', 20, 'GOOD', u.id, 'statement-test-m-' || i, y.federation_id
						from generate_series(?, ?) i, app_user u join volunteer v on v.account_id = u.id
						join pairing y on y.volunteer_id = v.id and y.end_date is null
						where u.username = 'loufan.mother' and y.id = (select min(y2.id) from pairing y2 where y2.volunteer_id = v.id
						  and y2.end_date is null)""",
				first, last);
	}

	private long id(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private Session signIn(String username) throws Exception {
		Session session = new Session();
		String page = session.send(HttpRequest.newBuilder(session.uri("/login")).GET().build()).body();
		HttpResponse<String> response = session.send(session.form("/login",
				Map.of("username", username, "password", DemoUsers.PASSWORD, "_csrf", csrf(page))));
		assertThat(response.statusCode()).as("sign-in of %s", username).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return session;
	}

	private static String csrf(String page) {
		Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		if (!m.find()) {
			m = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page);
			assertThat(m.find()).as("a CSRF token on the page").isTrue();
		}
		return m.group(1);
	}

	final class Session {

		final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		URI uri(String path) {
			return URI.create("http://localhost:" + StatementCountTests.this.port + path);
		}

		HttpRequest form(String path, Map<String, String> fields) {
			String body = fields.entrySet()
				.stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
		}

		HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}

		/**
		 * Lets the requests before finish their counting (the response reaches the client
		 * before the counting filter's last step), then forgets them.
		 */
		void settle() throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (Counting.FINISHED.get() != Counting.STARTED.get()) {
				assertThat(System.nanoTime()).as("the requests before have finished").isLessThan(deadline);
				Thread.sleep(5);
			}
			Counting.COUNTS.clear();
			Counting.LAST.clear();
		}

		/** The statements of one GET of the page, which must answer 200. */
		int get(String path) throws Exception {
			send(HttpRequest.newBuilder(uri(path)).GET().build());
			settle();
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Counting.next();
		}

		/** The statements of one contact logged through the form, which must redirect. */
		int logContact(long pairing) throws Exception {
			String page = send(HttpRequest.newBuilder(uri("/my/pairings/" + pairing + "/visits/new")).GET().build())
				.body();
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("_csrf", csrf(page));
			fields.put("clientToken", UUID.randomUUID().toString());
			fields.put("visitDate", LocalDate.now().toString());
			fields.put("mode", "PHONE");
			fields.put("durationMinutes", "30");
			fields.put("careTypes", "COMFORT");
			fields.put("childMood", "GOOD");
			settle();
			HttpResponse<String> response = send(form("/my/pairings/" + pairing + "/visits", fields));
			assertThat(response.statusCode()).as("contact submission").isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return Counting.next();
		}

	}

	/** Counts the statements of each request on its own thread. */
	@TestConfiguration
	static class Counting {

		static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

		/** The statements of the last request of each page, for the report. */
		static final Map<String, List<String>> STATEMENTS = new LinkedHashMap<>();

		static final BlockingQueue<List<String>> LAST = new LinkedBlockingQueue<>();

		static final BlockingQueue<Integer> COUNTS = new LinkedBlockingQueue<>();

		static final ThreadLocal<String> PAGE = new ThreadLocal<>();

		/** Requests that entered the counting filter, and those that left it. */
		static final AtomicInteger STARTED = new AtomicInteger();

		static final AtomicInteger FINISHED = new AtomicInteger();

		static int next() throws InterruptedException {
			Integer count = COUNTS.poll(10, TimeUnit.SECONDS);
			assertThat(count).as("a counted request").isNotNull();
			List<String> statements = LAST.poll(10, TimeUnit.SECONDS);
			STATEMENTS.put(PAGE.get(), statements);
			return count;
		}

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && !name.startsWith("counting")) {
						return ProxyDataSourceBuilder.create(dataSource)
							.name("counting")
							.listener(new Listener())
							.build();
					}
					return bean;
				}
			};
		}

		@Bean
		FilterRegistrationBean<Filter> countingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				STARTED.incrementAndGet();
				CURRENT.set(new java.util.ArrayList<>());
				try {
					chain.doFilter(request, response);
				}
				finally {
					LAST.add(CURRENT.get());
					COUNTS.add(CURRENT.get().size());
					CURRENT.remove();
					FINISHED.incrementAndGet();
				}
			});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		static final class Listener implements QueryExecutionListener {

			@Override
			public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			}

			@Override
			public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
				List<String> statements = CURRENT.get();
				if (statements != null) {
					if (execInfo.isBatch()) {
						statements.add("[batch] " + queryInfoList.get(0).getQuery().replaceAll("\\s+", " "));
					}
					else {
						queryInfoList.forEach(q -> statements.add(q.getQuery().replaceAll("\\s+", " ")));
					}
				}
			}

		}

	}

}
