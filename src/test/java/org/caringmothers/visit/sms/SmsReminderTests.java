package org.caringmothers.visit.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * Reminders by SMS against a real HTTP server standing in for the gateway: a message
 * sent, signed and free of children's names; a failure retried later; one message a day
 * per mother; a message given up after its attempts.
 */
@SpringBootTest(properties = { "caringmothers.sms.access-key=test-access-key",
		"caringmothers.sms.secret=test-secret-of-the-gateway", "caringmothers.sms.signature=爱心妈妈",
		"caringmothers.sms.template-id=SMS_123456789", "caringmothers.sms.max-attempts=3",
		"caringmothers.sms.first-retry=5m", "caringmothers.sms.timeout=5s", "caringmothers.sms.poll-interval=PT1H" })
@AutoConfigureMockMvc
class SmsReminderTests {

	static final StubGateway GATEWAY = StubGateway.start();

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("caringmothers.sms.url", () -> "http://127.0.0.1:" + GATEWAY.port() + "/sms/send");
	}

	@AfterAll
	static void stopGateway() {
		GATEWAY.server.stop(0);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SmsOutbox outbox;

	@Autowired
	JsonMapper json;

	DemoUsers users;

	long mother;

	List<Long> pairings;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
		this.jdbc.update("update reminder set sms_message_id = null");
		this.jdbc.update("delete from sms_attempt");
		this.jdbc.update("delete from sms_message");
		GATEWAY.reset();
		this.mother = this.jdbc.queryForObject("""
				select v.id from volunteer v join app_user a on a.id = v.account_id where a.username = ?""", Long.class,
				DemoUsers.LOUFAN_MOTHER);
		this.pairings = this.jdbc.queryForList(
				"select id from pairing where volunteer_id = ? and end_date is null order by id", Long.class,
				this.mother);
		assertThat(this.pairings).hasSizeGreaterThan(1);
	}

	@Test
	void aReminderReachesHerPhoneSignedAndWithoutAChildsName() throws Exception {
		remind(this.pairings.get(0), "visit.reminded.sms");
		assertThat(status()).isEqualTo("PENDING");
		assertThat(GATEWAY.requests()).isEmpty();

		assertThat(this.outbox.sendDue()).isEqualTo(1);

		assertThat(GATEWAY.requests()).hasSize(1);
		StubGateway.Request request = GATEWAY.requests().get(0);
		assertThat(request.header("X-Sms-Access-Key")).isEqualTo("test-access-key");
		assertThat(request.header("X-Sms-Signature")).isEqualTo(SmsGateway.sign("test-secret-of-the-gateway",
				"test-access-key", request.header("X-Sms-Timestamp"), request.header("X-Sms-Nonce"), request.body()));
		JsonNode body = this.json.readTree(request.body());
		String phone = this.jdbc.queryForObject("select phone from volunteer where id = ?", String.class, this.mother);
		String name = this.jdbc.queryForObject("select name from volunteer where id = ?", String.class, this.mother);
		assertThat(body.get("phoneNumber").asString()).isEqualTo(phone);
		assertThat(body.get("signName").asString()).isEqualTo("爱心妈妈");
		assertThat(body.get("templateId").asString()).isEqualTo("SMS_123456789");
		assertThat(body.get("templateParams").get("name").asString()).isEqualTo(name);
		assertThat(body.get("templateParams").get("children").asInt()).isBetween(1, this.pairings.size());
		assertThat(body.get("templateParams").get("days").asLong()).isNotNegative();
		List<String> childNames = this.jdbc.queryForList("""
				select c.name from child c join pairing p on p.child_id = c.id where p.volunteer_id = ?""",
				String.class, this.mother);
		assertThat(childNames).isNotEmpty().allSatisfy(child -> assertThat(request.body()).doesNotContain(child));

		assertThat(status()).isEqualTo("SENT");
		assertThat(this.jdbc.queryForList("select outcome || ' ' || http_status from sms_attempt", String.class))
			.containsExactly("SENT 200");
		assertThat(this.jdbc.queryForObject("select params from sms_message", String.class)).doesNotContain(phone);
		String reminders = this.mvc
			.perform(get("/reminders").param("mother", String.valueOf(this.mother)).with(this.users.as(LOUFAN_STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reminders).contains("data-status=\"SENT\"").contains("已发送");
	}

	@Test
	void atMostOneMessageADayPerMother() throws Exception {
		remind(this.pairings.get(0), "visit.reminded.sms");
		remind(this.pairings.get(1), "visit.reminded.sms");
		assertThat(this.jdbc.queryForObject("select count(*) from sms_message", Long.class)).isOne();
		assertThat(this.outbox.sendDue()).isEqualTo(1);
		remind(this.pairings.get(1), "visit.reminded.smsToday");
		assertThat(this.outbox.sendDue()).isZero();
		assertThat(GATEWAY.requests()).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from sms_message", Long.class)).isOne();
		assertThat(this.jdbc.queryForObject(
				"select count(distinct sms_message_id) from reminder where sms_message_id is not null", Long.class))
			.isOne();
		assertThat(
				this.jdbc.queryForObject("select count(*) from reminder where sms_message_id is not null", Long.class))
			.isEqualTo(3);
	}

	@Test
	void aFailureIsRecordedAndRetriedLater() throws Exception {
		GATEWAY.answer(503, "{\"code\":\"Throttling\",\"to\":\"13812345678\"}");
		remind(this.pairings.get(0), "visit.reminded.sms");

		assertThat(this.outbox.sendDue()).isZero();
		assertThat(status()).isEqualTo("PENDING");
		assertThat(this.jdbc.queryForObject("select attempts from sms_message", Integer.class)).isOne();
		assertThat(this.jdbc.queryForObject("select next_attempt_at > now() + interval '4 minutes' from sms_message",
				Boolean.class))
			.isTrue();
		assertThat(this.jdbc.queryForObject("select response from sms_attempt", String.class)).contains("Throttling")
			.doesNotContain("13812345678");

		assertThat(this.outbox.sendDue()).as("not before its time").isZero();
		assertThat(GATEWAY.requests()).hasSize(1);

		this.jdbc.update("update sms_message set next_attempt_at = now()");
		assertThat(this.outbox.sendDue()).isEqualTo(1);
		assertThat(GATEWAY.requests()).hasSize(2);
		assertThat(GATEWAY.requests().get(1).header("Idempotency-Key"))
			.isEqualTo(GATEWAY.requests().get(0).header("Idempotency-Key"));
		assertThat(status()).isEqualTo("SENT");
		assertThat(this.jdbc.queryForList("select outcome || ' ' || http_status from sms_attempt order by id",
				String.class))
			.containsExactly("FAILED 503", "SENT 200");
	}

	@Test
	void aMessageIsGivenUpAfterItsAttempts() throws Exception {
		GATEWAY.answer(500, "error 1");
		GATEWAY.answer(500, "error 2");
		GATEWAY.answer(500, "error 3");
		remind(this.pairings.get(0), "visit.reminded.sms");
		for (int i = 0; i < 3; i++) {
			this.jdbc.update("update sms_message set next_attempt_at = now()");
			assertThat(this.outbox.sendDue()).isZero();
		}
		assertThat(status()).isEqualTo("FAILED");
		this.jdbc.update("update sms_message set next_attempt_at = now()");
		assertThat(this.outbox.sendDue()).isZero();
		assertThat(GATEWAY.requests()).hasSize(3);
		String reminders = this.mvc.perform(get("/reminders").with(this.users.as(LOUFAN_STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reminders).contains("发送失败").contains("error 3");
	}

	@Test
	void anSmsReachesAMotherWithoutASignInAccount() throws Exception {
		Long pairing = this.jdbc.queryForObject("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join child c on c.id = p.child_id join federation f on f.id = c.federation_id
				where p.end_date is null and v.account_id is null and v.status = 'ACTIVE'
				and f.path like (select path from federation where code = '140123') || '%'""", Long.class);
		assertThat(pairing).isNotNull();
		String home = this.mvc.perform(get("/").with(this.users.as(LOUFAN_STAFF)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).doesNotContain("收不到提醒");
		remind(pairing, "visit.reminded.sms");
		assertThat(this.outbox.sendDue()).isEqualTo(1);
		String phone = this.jdbc.queryForObject(
				"select v.phone from volunteer v join pairing p on p.volunteer_id = v.id where p.id = ?", String.class,
				pairing);
		assertThat(this.json.readTree(GATEWAY.requests().get(0).body()).get("phoneNumber").asString()).isEqualTo(phone);
	}

	@Test
	void twoSendersAtOnceSendAMessageOnce() throws Exception {
		GATEWAY.delay(500);
		remind(this.pairings.get(0), "visit.reminded.sms");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return this.outbox.sendDue();
				}));
			}
			start.countDown();
			int sent = 0;
			for (java.util.concurrent.Future<Integer> run : runs) {
				sent += run.get();
			}
			assertThat(sent).isOne();
		}
		finally {
			pool.shutdown();
		}
		assertThat(GATEWAY.requests()).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from sms_attempt", Long.class)).isOne();
	}

	@Test
	void backoffDoublesAfterEachFailure() {
		SmsSettings settings = new SmsSettings("http://x", "k", "s", "sig", "t", null, 5,
				java.time.Duration.ofMinutes(2));
		assertThat(settings.retryAfter(1)).hasMinutes(2);
		assertThat(settings.retryAfter(2)).hasMinutes(4);
		assertThat(settings.retryAfter(3)).hasMinutes(8);
		assertThat(settings.retryAfter(40)).hasDays(1);
		assertThat(new SmsSettings("http://x", "k", "s", "sig", "", null, null, null).configured()).isFalse();
	}

	private void remind(long pairing, String flashKey) throws Exception {
		this.mvc.perform(post("/visits/remind/" + pairing).with(csrf()).with(this.users.as(LOUFAN_STAFF)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", flashKey));
	}

	private String status() {
		return this.jdbc.queryForObject("select status from sms_message", String.class);
	}

	/**
	 * A real HTTP server that answers as told (200 by default) and keeps each request.
	 */
	record StubGateway(HttpServer server, List<Request> received, Deque<int[]> statuses, Deque<String> bodies,
			long[] delayMillis) {

		record Request(Map<String, List<String>> headers, String body) {

			String header(String name) {
				return this.headers.entrySet()
					.stream()
					.filter(entry -> entry.getKey().equalsIgnoreCase(name))
					.map(entry -> entry.getValue().get(0))
					.findFirst()
					.orElse(null);
			}

		}

		static StubGateway start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				StubGateway stub = new StubGateway(server, Collections.synchronizedList(new ArrayList<>()),
						new ArrayDeque<>(), new ArrayDeque<>(), new long[1]);
				server.createContext("/sms/send", exchange -> {
					String body;
					try (InputStream in = exchange.getRequestBody()) {
						body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					}
					stub.received().add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
					try {
						Thread.sleep(stub.delayMillis()[0]);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					int[] status;
					String answer;
					synchronized (stub) {
						status = stub.statuses().isEmpty() ? new int[] { 200 } : stub.statuses().poll();
						answer = stub.bodies().isEmpty() ? "{\"code\":\"OK\",\"requestId\":\"stub\"}"
								: stub.bodies().poll();
					}
					byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(status[0], bytes.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(bytes);
					}
				});
				server.start();
				return stub;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		synchronized void answer(int status, String body) {
			this.statuses.add(new int[] { status });
			this.bodies.add(body);
		}

		synchronized void delay(long millis) {
			this.delayMillis[0] = millis;
		}

		synchronized void reset() {
			this.delayMillis[0] = 0;
			this.received.clear();
			this.statuses.clear();
			this.bodies.clear();
		}

		List<Request> requests() {
			return List.copyOf(this.received);
		}

	}

}
