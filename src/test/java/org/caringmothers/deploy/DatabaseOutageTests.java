package org.caringmothers.deploy;

import java.io.File;
import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away and comes back, as in a server restart: pages answer within 5
 * seconds with a 503 page in the user's language (sign-in too, never the wrong-password
 * message), readiness says DOWN, and everything recovers by itself, the signed-in session
 * included. A mother's contact sent meanwhile is not half-saved: she is told, in her
 * language, that it was not stored, and sends it again once the database is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=")
class DatabaseOutageTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOutageIsAFriendly503AndTheApplicationRecoversByItself() throws Exception {
		WebClient staff = new WebClient();
		staff.signIn(this.port, "loufan.staff", "aixin-demo-2026");
		assertThat(staff.get(this.port, "/children").statusCode()).isEqualTo(200);
		WebClient english = new WebClient();
		english.language("en");
		assertThat(english.get(this.port, "/login").statusCode()).isEqualTo(200);
		assertThat(staff.get(this.port, "/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");
		// a mother has her contact form open when the database goes
		long pairing = this.jdbc.queryForObject("""
				select max(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join app_user a on a.id = v.account_id where a.username = 'loufan.mother' and p.end_date is null""",
				Long.class);
		WebClient mother = new WebClient();
		mother.signIn(this.port, "loufan.mother", "aixin-demo-2026");
		assertThat(mother.get(this.port, "/my/pairings/" + pairing + "/visits/new").statusCode()).isEqualTo(200);
		String clientToken = UUID.randomUUID().toString();
		Map<String, String> contact = Map.of("visitDate", LocalDate.now().toString(), "mode", "HOME_VISIT",
				"durationMinutes", "45", "careTypes", "COMFORT", "childMood", "GOOD", "clientToken", clientToken);

		pgCtl("stop", "-m", "fast");
		try {
			long started = System.nanoTime();
			HttpResponse<String> page = staff.get(this.port, "/children");
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5000);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.body()).contains("系统暂时不可用").contains("没有保存");

			started = System.nanoTime();
			HttpResponse<String> signIn = english.post(this.port, "/login",
					Map.of("username", "loufan.staff", "password", "aixin-demo-2026"));
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5000);
			assertThat(signIn.statusCode()).isEqualTo(503);
			assertThat(signIn.body()).contains("Temporarily unavailable").doesNotContain("系统");

			// her contact, with a photo, is not stored, and she is told so in her
			// language
			started = System.nanoTime();
			HttpResponse<String> sent = mother.postMultipart(this.port, "/my/pairings/" + pairing + "/visits", contact,
					"photos", "photo.jpg", "image/jpeg", DemoMother.jpeg(320, 240));
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5000);
			assertThat(sent.statusCode()).isEqualTo(503);
			assertThat(sent.body()).contains("系统暂时不可用").contains("没有保存");

			assertThat(staff.get(this.port, "/health/ready").statusCode()).isEqualTo(503);
			assertThat(staff.get(this.port, "/health/live").body()).isEqualTo("{\"status\":\"UP\"}");
		}
		finally {
			pgCtl("start", "-o", "-p " + this.postgres.getPort());
		}

		long deadline = System.currentTimeMillis() + 30_000;
		int status = 0;
		while (System.currentTimeMillis() < deadline && status != 200) {
			Thread.sleep(500);
			status = staff.get(this.port, "/children").statusCode();
		}
		assertThat(status).as("the signed-in page after the database returned").isEqualTo(200);
		assertThat(staff.get(this.port, "/health/ready").statusCode()).isEqualTo(200);

		// nothing of her contact was half-saved; she sends it again and it is stored once
		assertThat(
				this.jdbc.queryForObject("select count(*) from visit where client_token = ?", Long.class, clientToken))
			.isZero();
		assertThat(mother.get(this.port, "/my/pairings/" + pairing + "/visits/new").statusCode()).isEqualTo(200);
		HttpResponse<String> again = mother.postMultipart(this.port, "/my/pairings/" + pairing + "/visits", contact,
				"photos", "photo.jpg", "image/jpeg", DemoMother.jpeg(320, 240));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
		assertThat(
				this.jdbc.queryForObject("select count(*) from visit where client_token = ?", Long.class, clientToken))
			.isOne();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from visit_photo p join visit v on v.id = p.visit_id where v.client_token = ?",
				Long.class, clientToken))
			.isOne();
	}

	@Test
	void behindAnHttpsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
		HttpResponse<String> viaProxy = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/login"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", "203.0.113.7")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(viaProxy.statusCode()).isEqualTo(200);
		assertThat(viaProxy.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age="));
		assertThat(viaProxy.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=").contains("Secure").contains("HttpOnly"));
		assertThat(viaProxy.headers().firstValue("Permissions-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("geolocation=()"));

		HttpResponse<String> direct = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/login"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(direct.headers().allValues("Set-Cookie"))
			.noneSatisfy((cookie) -> assertThat(cookie).contains("Secure"));
	}

	private void pgCtl(String command, String... options) throws Exception {
		List<String> arguments = new java.util.ArrayList<>();
		if ("root".equals(System.getProperty("user.name")) && new File("/usr/bin/unshare").canExecute()) {
			// PostgreSQL refuses to run as root: zonky runs it in a user namespace, so do
			// we
			arguments.addAll(List.of("unshare", "-U"));
		}
		arguments.add(new File(field("pgDir"), "bin/pg_ctl").getPath());
		arguments.addAll(List.of("-D", field("dataDirectory").getPath(), "-w"));
		arguments.addAll(List.of(options));
		arguments.add(command);
		File log = Files.createTempFile("pg_ctl", ".log").toFile();
		Process process = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(log).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(log.toPath())).isZero();
	}

	private File field(String name) throws Exception {
		Field field = EmbeddedPostgres.class.getDeclaredField(name);
		field.setAccessible(true);
		return (File) field.get(this.postgres);
	}

}
