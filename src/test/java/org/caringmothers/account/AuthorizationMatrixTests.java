package org.caringmothers.account;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;

import javax.imageio.ImageIO;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every route of the application (read from its own handler mappings) × every role × a
 * record inside and outside the user's scope, against the explicit table below. A route
 * without a row fails the test, and so does a row without a route. Each request runs in a
 * transaction that is rolled back, so the matrix changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

	enum Who {

		ADMIN(DemoUsers.ADMIN), OFFICIAL(DemoUsers.XINZHOU_OFFICIAL), STAFF(DemoUsers.LOUFAN_STAFF),
		VOLUNTEER(DemoUsers.LOUFAN_MOTHER), ANONYMOUS(null);

		final String username;

		Who(String username) {
			this.username = username;
		}

	}

	enum Outcome {

		/**
		 * past authorization and scope: 2xx, 3xx other than sign-in, or a 4xx of the form
		 */
		ALLOWED,
		/** 403 */
		FORBIDDEN,
		/** 404: outside the user's scope, or not hers */
		NOT_FOUND,
		/** the sign-in page, or 401 for the mother's JSON endpoints */
		SIGN_IN,
		/** 422: the offline upload refused, with its reason for the phone */
		REFUSED

	}

	/** What the route's path variable {@code id} names. */
	enum Kind {

		NONE, FEDERATION, CHILD, VOLUNTEER, CARING_MOTHER, RESERVE, PAIRING, VISIT, NEED, EVENT, ACCOUNT, PHOTO,
		MY_PAIRING, MY_VISIT, TOKEN

	}

	static final Set<Who> PUBLIC = EnumSet.allOf(Who.class);

	static final Set<Who> SIGNED_IN = EnumSet.of(Who.ADMIN, Who.OFFICIAL, Who.STAFF, Who.VOLUNTEER);

	static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);

	/** Routes of a user whose second factor is pending, which no signed-in role opens. */
	static final Set<Who> NOBODY_SIGNED_IN = EnumSet.noneOf(Who.class);

	static final Set<Who> MOTHER = EnumSet.of(Who.VOLUNTEER);

	static final Set<Who> STAFF = EnumSet.of(Who.ADMIN, Who.STAFF);

	static final Set<Who> FIGURES = EnumSet.of(Who.ADMIN, Who.OFFICIAL, Who.STAFF);

	static final Set<Who> TARGETS = EnumSet.of(Who.ADMIN, Who.OFFICIAL);

	static final Set<Who> PHOTOS = EnumSet.of(Who.ADMIN, Who.STAFF, Who.VOLUNTEER);

	/**
	 * One route: what its id names, who may open it, and what an allowed user meets
	 * inside and outside her scope.
	 */
	record Row(Kind kind, Set<Who> allowed, Outcome inside, Outcome outside) {
	}

	/** The matrix: every route with what its id names and who may open it. */
	static final Map<String, Row> ROUTES = new LinkedHashMap<>();

	static {
		// open to everyone
		row("RESOURCE /webjars/**", Kind.NONE, PUBLIC);
		row("RESOURCE /sw.js", Kind.NONE, PUBLIC);
		row("RESOURCE /**", Kind.NONE, PUBLIC);
		row("GET /manifest.webmanifest", Kind.NONE, PUBLIC);
		row("GET /login", Kind.NONE, PUBLIC);
		row("GET /activate", Kind.NONE, PUBLIC);
		row("POST /activate", Kind.NONE, PUBLIC);
		row("ANY /error", Kind.NONE, PUBLIC);
		// every signed-in user
		row("GET /", Kind.NONE, SIGNED_IN);
		row("GET /account/password", Kind.NONE, SIGNED_IN);
		row("POST /account/password", Kind.NONE, SIGNED_IN);
		row("GET /account/second-factor", Kind.NONE, SIGNED_IN);
		row("POST /account/second-factor", Kind.NONE, SIGNED_IN);
		// only while the second factor is pending after the password (no role here)
		row("GET /login/code", Kind.NONE, NOBODY_SIGNED_IN);
		row("POST /login/code", Kind.NONE, NOBODY_SIGNED_IN);
		// administrators
		row("GET /audit", Kind.NONE, ADMIN);
		row("GET /audit/export", Kind.NONE, ADMIN);
		// accounts
		row("GET /accounts", Kind.NONE, STAFF);
		row("GET /accounts/new", Kind.NONE, STAFF);
		row("POST /accounts/new", Kind.NONE, STAFF);
		row("GET /accounts/{id}/edit", Kind.ACCOUNT, STAFF);
		row("POST /accounts/{id}/edit", Kind.ACCOUNT, STAFF);
		row("POST /accounts/{id}/password", Kind.ACCOUNT, STAFF);
		row("POST /accounts/{id}/enabled", Kind.ACCOUNT, STAFF);
		row("POST /accounts/{id}/second-factor/reset", Kind.ACCOUNT, ADMIN);
		// the caring mother's pages
		row("GET /my/offline", Kind.NONE, MOTHER);
		row("GET /my/sync", Kind.NONE, MOTHER);
		row("POST /my/uploads", Kind.NONE, MOTHER);
		// a correction of someone else's contact is refused as gone, revealing nothing
		row("POST /my/uploads/{visitId}", Kind.MY_VISIT, MOTHER, Outcome.ALLOWED, Outcome.REFUSED);
		row("GET /my/pairings/{pairingId}/visits/new", Kind.MY_PAIRING, MOTHER);
		row("POST /my/pairings/{pairingId}/visits", Kind.MY_PAIRING, MOTHER);
		row("GET /my/visits/{id}/edit", Kind.MY_VISIT, MOTHER);
		row("GET /my/visits", Kind.NONE, MOTHER);
		row("POST /my/visits/{id}/edit", Kind.MY_VISIT, MOTHER);
		row("POST /my/pairings/{pairingId}/guardians/{index}/call", Kind.MY_PAIRING, MOTHER);
		row("GET /photos/{id}", Kind.PHOTO, PHOTOS);
		// figures
		row("GET /dashboard", Kind.NONE, FIGURES);
		row("GET /dashboard/{federationId}", Kind.FEDERATION, FIGURES);
		row("GET /dashboard/{federationId}/ledger", Kind.FEDERATION, FIGURES);
		row("GET /dashboard/{federationId}/ledger.xlsx", Kind.FEDERATION, FIGURES);
		row("POST /dashboard/{federationId}/ledger/close", Kind.FEDERATION, FIGURES);
		row("GET /targets", Kind.NONE, TARGETS);
		row("GET /targets/{id}", Kind.FEDERATION, TARGETS);
		row("POST /targets/{id}", Kind.FEDERATION, TARGETS);
		// the federation tree
		row("GET /federations", Kind.NONE, FIGURES);
		row("GET /federations/{id}", Kind.FEDERATION, FIGURES);
		row("GET /federations/{id}/children", Kind.FEDERATION, FIGURES);
		row("GET /federations/{id}/children/new", Kind.FEDERATION, STAFF);
		row("POST /federations/{id}/children/new", Kind.FEDERATION, STAFF);
		row("GET /federations/{id}/edit", Kind.FEDERATION, STAFF);
		row("POST /federations/{id}/edit", Kind.FEDERATION, STAFF);
		row("GET /federations/{id}/stations/new", Kind.FEDERATION, STAFF);
		row("POST /federations/{id}/stations/new", Kind.FEDERATION, STAFF);
		// events
		row("GET /events", Kind.NONE, FIGURES);
		row("GET /events/{id}", Kind.EVENT, FIGURES);
		row("GET /events/new", Kind.NONE, STAFF);
		row("POST /events/new", Kind.NONE, STAFF);
		row("GET /events/{id}/edit", Kind.EVENT, STAFF);
		row("POST /events/{id}/edit", Kind.EVENT, STAFF);
		row("POST /events/{id}/attendees", Kind.EVENT, STAFF);
		row("POST /events/{id}/attendees/{volunteerId}/remove", Kind.EVENT, STAFF);
		row("POST /events/{id}/recruits", Kind.EVENT, STAFF);
		row("POST /events/{id}/attendees/many", Kind.EVENT, STAFF);
		// children: never an official
		row("GET /children", Kind.NONE, STAFF);
		row("GET /children/export", Kind.NONE, STAFF);
		row("GET /children/new", Kind.NONE, STAFF);
		row("POST /children/new", Kind.NONE, STAFF);
		row("GET /children/{id}", Kind.CHILD, STAFF);
		row("POST /children/{id}/reveal", Kind.CHILD, STAFF);
		row("GET /children/{id}/edit", Kind.CHILD, STAFF);
		row("POST /children/{id}/edit", Kind.CHILD, STAFF);
		row("POST /children/{id}/status", Kind.CHILD, STAFF);
		row("POST /children/{id}/consent-withdrawal", Kind.CHILD, STAFF);
		row("GET /children/import", Kind.NONE, STAFF);
		row("POST /children/import", Kind.NONE, STAFF);
		row("GET /children/import/template", Kind.NONE, STAFF);
		row("GET /children/import/{token}", Kind.TOKEN, STAFF);
		row("GET /children/import/{token}/progress", Kind.TOKEN, STAFF);
		row("POST /children/import/{token}/confirm", Kind.TOKEN, STAFF);
		row("POST /children/import/{token}/cancel", Kind.TOKEN, STAFF);
		// volunteers: never an official
		row("GET /volunteers", Kind.NONE, STAFF);
		row("GET /volunteers/export", Kind.NONE, STAFF);
		row("GET /volunteers/stations", Kind.NONE, STAFF);
		row("GET /volunteers/new", Kind.NONE, STAFF);
		row("POST /volunteers/new", Kind.NONE, STAFF);
		row("GET /volunteers/{id}", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/reveal", Kind.VOLUNTEER, STAFF);
		row("GET /volunteers/{id}/edit", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/edit", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/status", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/trainings", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/mothers", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/mothers/{motherId}/remove", Kind.RESERVE, STAFF);
		row("GET /volunteers/{id}/account", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/account", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/account/replace", Kind.VOLUNTEER, STAFF);
		row("POST /volunteers/{id}/account/code", Kind.VOLUNTEER, STAFF);
		row("GET /volunteers/{id}/account/slip", Kind.VOLUNTEER, STAFF);
		row("GET /volunteers/import", Kind.NONE, STAFF);
		row("POST /volunteers/import", Kind.NONE, STAFF);
		row("GET /volunteers/import/template", Kind.NONE, STAFF);
		row("GET /volunteers/import/{token}", Kind.TOKEN, STAFF);
		row("GET /volunteers/import/{token}/progress", Kind.TOKEN, STAFF);
		row("POST /volunteers/import/{token}/confirm", Kind.TOKEN, STAFF);
		row("POST /volunteers/import/{token}/cancel", Kind.TOKEN, STAFF);
		// pairings, contacts and needs: never an official
		row("GET /pairings/child/{childId}", Kind.CHILD, STAFF);
		row("GET /pairings/mother/{volunteerId}", Kind.VOLUNTEER, STAFF);
		row("GET /pairings/unpaired", Kind.NONE, STAFF);
		row("POST /pairings", Kind.NONE, STAFF);
		row("POST /pairings/{id}/end", Kind.PAIRING, STAFF);
		row("GET /federations/options", Kind.NONE, FIGURES);
		row("GET /pairings/mother/{id}/handover", Kind.CARING_MOTHER, STAFF);
		row("POST /pairings/mother/{id}/handover", Kind.CARING_MOTHER, STAFF);
		row("GET /visits/review", Kind.NONE, STAFF);
		row("POST /visits/remind/{pairingId}", Kind.PAIRING, STAFF);
		row("POST /visits/{id}/review", Kind.VISIT, STAFF);
		row("GET /needs", Kind.NONE, STAFF);
		row("GET /needs/new", Kind.NONE, STAFF);
		row("POST /needs/new", Kind.NONE, STAFF);
		row("GET /needs/{id}", Kind.NEED, STAFF);
		row("POST /needs/{id}/steps", Kind.NEED, STAFF);
		row("POST /needs/{id}/report", Kind.NEED, STAFF);
		// care gaps and reminders by name: never an official
		row("GET /care-gaps", Kind.NONE, STAFF);
		row("GET /reminders", Kind.NONE, STAFF);
	}

	private static void row(String route, Kind kind, Set<Who> allowed) {
		row(route, kind, allowed, Outcome.ALLOWED, (kind == Kind.NONE) ? Outcome.ALLOWED : Outcome.NOT_FOUND);
	}

	private static void row(String route, Kind kind, Set<Who> allowed, Outcome inside, Outcome outside) {
		Outcome in = (kind == Kind.TOKEN) ? Outcome.NOT_FOUND : inside;
		assertThat(ROUTES.put(route, new Row(kind, allowed, in, outside))).as("duplicate row %s", route).isNull();
	}

	/**
	 * Parameters a request needs to get past binding to the scope check (a missing
	 * required parameter would answer 400 before it).
	 */
	static final Map<String, Map<String, String>> PARAMETERS = Map.of("POST /accounts/{id}/enabled",
			Map.of("enabled", "true"), "POST /targets/{id}", Map.of("year", "2026"), "POST /children/{id}/reveal",
			Map.of("field", "idNumber"), "POST /children/{id}/status", Map.of("status", "ACTIVE"),
			"POST /volunteers/{id}/reveal", Map.of("field", "idNumber"), "POST /my/uploads/{visitId}",
			Map.of("visitDate", LocalDate.now().toString(), "mode", "PHONE", "durationMinutes", "5", "careTypes",
					"COMFORT", "childMood", "GOOD", "clientToken", "matrix-correction-1"));

	/** A sample address for each resource handler's pattern. */
	static final Map<String, String> RESOURCE_SAMPLES = Map.of("/webjars/**",
			"/webjars/bootstrap/css/bootstrap.min.css", "/sw.js", "/sw.js", "/**", "/css/app.css");

	private static final long MISSING = 987_654_321L;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void everyRouteHasARowAndAnswersAsTheMatrixSays() throws Exception {
		Set<String> routes = routes();
		Set<String> withoutRow = new TreeSet<>(routes);
		withoutRow.removeAll(ROUTES.keySet());
		assertThat(withoutRow).as("routes without a row in the matrix").isEmpty();
		Set<String> withoutRoute = new TreeSet<>(ROUTES.keySet());
		withoutRoute.removeAll(routes);
		assertThat(withoutRoute).as("rows without a route").isEmpty();

		DemoUsers users = new DemoUsers(this.userDetails);
		Records records = new Records();
		List<String> failures = new ArrayList<>();
		int cells = 0;
		for (Map.Entry<String, Row> entry : ROUTES.entrySet()) {
			for (Who who : Who.values()) {
				for (boolean inside : new boolean[] { true, false }) {
					cells++;
					Outcome expected = expected(entry.getValue(), who, inside);
					String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
					String pattern = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
					String path = method.equals("RESOURCE") ? RESOURCE_SAMPLES.get(pattern)
							: records.path(pattern, entry.getValue().kind(), who, inside);
					HttpMethod http = method.equals("POST") ? HttpMethod.POST : HttpMethod.GET;
					MockHttpServletResponse response = perform(http, path, who, users,
							PARAMETERS.getOrDefault(entry.getKey(), Map.of()));
					Outcome actual = outcome(response);
					if (response.getStatus() >= 500 && !pattern.equals("/error")) {
						failures.add(entry.getKey() + " as " + who + (inside ? " inside" : " outside") + " (" + path
								+ "): " + response.getStatus());
					}
					else if (actual != expected) {
						failures.add(entry.getKey() + " as " + who + (inside ? " inside" : " outside") + " (" + path
								+ "): expected " + expected + " but was " + actual + " (" + response.getStatus() + " "
								+ response.getRedirectedUrl() + ")");
					}
				}
			}
		}
		System.out.println("Authorization matrix: " + ROUTES.size() + " routes × " + Who.values().length
				+ " roles × 2 scopes = " + cells + " requests");
		assertThat(failures).isEmpty();
	}

	@Test
	void anAddressWithoutARuleIsDenied() throws Exception {
		DemoUsers users = new DemoUsers(this.userDetails);
		for (Who who : SIGNED_IN) {
			assertThat(perform(HttpMethod.GET, "/no-such-page", who, users).getStatus()).isEqualTo(403);
			assertThat(perform(HttpMethod.GET, "/templates/layout.html", who, users).getStatus()).isEqualTo(403);
		}
		assertThat(outcome(perform(HttpMethod.GET, "/no-such-page", Who.ANONYMOUS, users))).isEqualTo(Outcome.SIGN_IN);
	}

	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		this.context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
				Set<String> methods = new TreeSet<>();
				info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
				if (methods.isEmpty()) {
					methods.add("ANY");
				}
				for (String pattern : info.getPatternValues()) {
					methods.forEach(m -> routes.add(m + " " + pattern));
				}
			}));
		this.context.getBeansOfType(SimpleUrlHandlerMapping.class)
			.values()
			.forEach(mapping -> mapping.getHandlerMap().forEach((pattern, handler) -> {
				if (handler instanceof ResourceHttpRequestHandler) {
					routes.add("RESOURCE " + pattern);
				}
			}));
		return routes;
	}

	private static Outcome expected(Row row, Who who, boolean inside) {
		if (!row.allowed().contains(who)) {
			return (who == Who.ANONYMOUS) ? Outcome.SIGN_IN : Outcome.FORBIDDEN;
		}
		return inside ? row.inside() : row.outside();
	}

	private static Outcome outcome(MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		if (status == 401 || (status == 302 && location != null && location.endsWith("/login"))) {
			return Outcome.SIGN_IN;
		}
		if (status == 403) {
			return Outcome.FORBIDDEN;
		}
		if (status == 404) {
			return Outcome.NOT_FOUND;
		}
		if (status == 422) {
			return Outcome.REFUSED;
		}
		return Outcome.ALLOWED;
	}

	private MockHttpServletResponse perform(HttpMethod method, String path, Who who, DemoUsers users) {
		return perform(method, path, who, users, Map.of());
	}

	private MockHttpServletResponse perform(HttpMethod method, String path, Who who, DemoUsers users,
			Map<String, String> parameters) {
		TransactionTemplate template = new TransactionTemplate(this.transactions);
		return template.execute(status -> {
			status.setRollbackOnly();
			MockHttpServletRequestBuilder request = request(method, path);
			if (method == HttpMethod.POST) {
				request.with(csrf());
			}
			parameters.forEach(request::param);
			if (who.username != null) {
				request.with(users.as(who.username));
			}
			try {
				return this.mvc.perform(request).andReturn().getResponse();
			}
			catch (Exception ex) {
				throw new IllegalStateException(path, ex);
			}
		});
	}

	/** The records each user opens inside and outside her scope. */
	class Records {

		final long loufan = federation("140123");

		final long shenchi = federation("140927");

		final long mother = account(DemoUsers.LOUFAN_MOTHER);

		final long myPairing = one("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				where v.account_id = ? and p.end_date is null""", this.mother);

		final long otherPairing = one("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join child c on c.id = p.child_id join federation f on f.id = c.federation_id
				where (v.account_id is null or v.account_id <> ?) and p.end_date is null
				and f.path like (select path from federation where id = ?) || '%'""", this.mother, this.loufan);

		final long myVisit;

		final long myPhoto;

		final long otherVisit = one("""
				select max(x.id) from visit x join pairing p on p.id = x.pairing_id
				join volunteer v on v.id = p.volunteer_id join child c on c.id = p.child_id
				join federation f on f.id = c.federation_id
				where (v.account_id is null or v.account_id <> ?)
				and f.path like (select path from federation where id = ?) || '%'""", this.mother, this.loufan);

		final long shenchiPhoto;

		Records() throws Exception {
			AuthorizationMatrixTests.this.mvc
				.perform(multipart("/my/pairings/" + this.myPairing + "/visits")
					.file(new MockMultipartFile("photos", "p.jpg", "image/jpeg", jpeg()))
					.param("visitDate", LocalDate.now().toString())
					.param("mode", "PHONE")
					.param("durationMinutes", "10")
					.param("careTypes", "COMFORT")
					.param("childMood", "GOOD")
					.param("clientToken", UUID.randomUUID().toString())
					.with(csrf())
					.with(new DemoUsers(AuthorizationMatrixTests.this.userDetails).as(DemoUsers.LOUFAN_MOTHER)))
				.andExpect(status().is3xxRedirection());
			this.myVisit = one("select max(id) from visit where pairing_id = ?", this.myPairing);
			this.myPhoto = one("select max(id) from visit_photo where visit_id = ?", this.myVisit);
			long shenchiVisit = one("""
					select max(v.id) from visit v join pairing p on p.id = v.pairing_id
					join child c on c.id = p.child_id join federation f on f.id = c.federation_id
					where f.path like (select path from federation where id = ?) || '%'""", this.shenchi);
			AuthorizationMatrixTests.this.jdbc.update(
					"insert into visit_photo (visit_id, stored_name, width, height, bytes) values (?, ?, 1, 1, 1)",
					shenchiVisit, UUID.randomUUID().toString());
			this.shenchiPhoto = one("select max(id) from visit_photo where visit_id = ?", shenchiVisit);
		}

		String path(String pattern, Kind kind, Who who, boolean inside) {
			long county = inside(who, inside);
			String id = switch (kind) {
				case NONE -> "1";
				case TOKEN -> UUID.randomUUID().toString();
				case FEDERATION -> String.valueOf(county);
				case CHILD -> String.valueOf((county == MISSING) ? MISSING : one("""
						select max(t.id) from child t join federation f on f.id = t.federation_id
						where t.id_number_index is not null
						and f.path like (select path from federation where id = ?) || '%'""", county));
				case VOLUNTEER -> String.valueOf(within("volunteer", county));
				case EVENT -> String.valueOf(eventWithAttendees(county));
				case RESERVE -> String.valueOf(reserveWithin(county));
				case CARING_MOTHER -> String.valueOf(motherWithin(county));
				case PAIRING -> String.valueOf(pairingWithin(county));
				case VISIT -> String.valueOf(one("""
						select max(v.id) from visit v join pairing p on p.id = v.pairing_id
						join child c on c.id = p.child_id join federation f on f.id = c.federation_id
						where f.path like (select path from federation where id = ?) || '%'""", county));
				case NEED -> String.valueOf(one("""
						select max(n.id) from need n join child c on c.id = n.child_id
						join federation f on f.id = c.federation_id
						where f.path like (select path from federation where id = ?) || '%'""", county));
				case ACCOUNT -> String.valueOf(accountIn(who, inside));
				case PHOTO -> String.valueOf(photo(who, inside));
				case MY_PAIRING -> String.valueOf(inside ? this.myPairing : this.otherPairing);
				case MY_VISIT -> String.valueOf(inside ? this.myVisit : this.otherVisit);
			};
			if (county == MISSING && kind != Kind.NONE && kind != Kind.TOKEN && kind != Kind.MY_PAIRING
					&& kind != Kind.MY_VISIT && kind != Kind.PHOTO && kind != Kind.ACCOUNT) {
				id = String.valueOf(MISSING);
			}
			String path = pattern;
			path = replace(path, "\\{(id|pairingId|childId|visitId|federationId|token)\\}", id);
			if (kind == Kind.EVENT && county != MISSING) {
				path = path.replace("{volunteerId}", String.valueOf(
						one("select min(volunteer_id) from event_attendee where event_id = ?", Long.parseLong(id))));
			}
			path = path.replace("{volunteerId}", (kind == Kind.VOLUNTEER) ? id
					: String.valueOf(within("volunteer", (county == MISSING) ? this.loufan : county)));
			if (kind == Kind.RESERVE && county != MISSING) {
				path = path.replace("{motherId}", String.valueOf(
						one("select min(mother_id) from volunteer_backing where reserve_id = ?", Long.parseLong(id))));
			}
			path = path.replace("{motherId}", String.valueOf(within("volunteer", this.loufan)));
			path = path.replace("{index}", "0");
			return path;
		}

		/**
		 * The county whose records the user may open, or not: 娄烦 for its staff, the
		 * mother and the administrator, 神池 for the 忻州 official; outside, the other one (a
		 * record that does not exist for the administrator, whose scope is the whole
		 * province).
		 */
		private long inside(Who who, boolean inside) {
			if (who == Who.OFFICIAL) {
				return inside ? this.shenchi : this.loufan;
			}
			if (who == Who.ADMIN && !inside) {
				return MISSING;
			}
			return inside ? this.loufan : this.shenchi;
		}

		private long accountIn(Who who, boolean inside) {
			if (who == Who.ADMIN) {
				return inside ? account(DemoUsers.LOUFAN_STAFF) : MISSING;
			}
			return inside ? this.mother : account(DemoUsers.SHENCHI_STAFF);
		}

		private long photo(Who who, boolean inside) {
			if (who == Who.VOLUNTEER) {
				return inside ? this.myPhoto : this.shenchiPhoto;
			}
			if (who == Who.ADMIN && !inside) {
				return MISSING;
			}
			return inside == (who != Who.OFFICIAL) ? this.myPhoto : this.shenchiPhoto;
		}

		private long pairingWithin(long county) {
			return one("""
					select max(p.id) from pairing p join child c on c.id = p.child_id
					join federation f on f.id = c.federation_id
					where p.end_date is null and f.path like (select path from federation where id = ?) || '%'""",
					county);
		}

		private long eventWithAttendees(long county) {
			return one("""
					select max(t.id) from event t join federation f on f.id = t.federation_id
					where exists (select 1 from event_attendee a where a.event_id = t.id)
					and f.path like (select path from federation where id = ?) || '%'""", county);
		}

		private long reserveWithin(long county) {
			return one("""
					select max(b.reserve_id) from volunteer_backing b join volunteer t on t.id = b.reserve_id
					join federation f on f.id = t.federation_id
					where f.path like (select path from federation where id = ?) || '%'""", county);
		}

		private long motherWithin(long county) {
			if (county == MISSING) {
				return MISSING;
			}
			return one("""
					select max(t.id) from volunteer t join federation f on f.id = t.federation_id
					where t.role = 'MOTHER' and f.path like (select path from federation where id = ?) || '%'""",
					county);
		}

		private long within(String table, long county) {
			if (county == MISSING) {
				return MISSING;
			}
			return one("select max(t.id) from " + table + " t join federation f on f.id = t.federation_id "
					+ "where f.path like (select path from federation where id = ?) || '%'", county);
		}

		private long federation(String code) {
			return one("select id from federation where code = ?", code);
		}

		private long account(String username) {
			return one("select id from app_user where username = ?", username);
		}

		private long one(String sql, Object... arguments) {
			if (arguments.length > 0 && arguments[arguments.length - 1] instanceof Long county && county == MISSING) {
				return MISSING;
			}
			Long value = AuthorizationMatrixTests.this.jdbc.queryForObject(sql, Long.class, arguments);
			assertThat(value).as(sql).isNotNull();
			return value;
		}

	}

	private static String replace(String path, String regex, String value) {
		return path.replaceAll(regex, Matcher.quoteReplacement(value));
	}

	private static byte[] jpeg() throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

}
