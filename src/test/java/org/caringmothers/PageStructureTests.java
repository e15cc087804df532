package org.caringmothers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every page a user opens is well formed where a person would notice: one h1, no id used
 * twice (labels point at the right field), every input labelled, no inline script or
 * style, no message key left untranslated, each page answered 200 and valid HTML by the
 * Nu Html Checker.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageStructureTests {

	private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

	private static final Pattern INPUT = Pattern.compile("<(input|select|textarea)\\b([^>]*)>",
			Pattern.CASE_INSENSITIVE);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	private final HtmlChecker checker = new HtmlChecker();

	@Test
	void staffPagesAreWellFormed() throws Exception {
		long township = this.jdbc.queryForObject("select id from federation where code = '140123100'", Long.class);
		long child = this.jdbc.queryForObject(
				"select min(c.id) from child c join federation f on f.id = c.federation_id where f.path like ("
						+ "select path || '%' from federation where code = '140123')",
				Long.class);
		long account = this.jdbc.queryForObject("select id from app_user where username = 'loufan.mother'", Long.class);
		long volunteer = this.jdbc.queryForObject(
				"select min(v.id) from volunteer v join app_user a on a.id = v.account_id where a.username = 'loufan.mother'",
				Long.class);
		long training = this.jdbc.queryForObject(
				"select min(e.id) from event e join federation f on f.id = e.federation_id where e.type = 'TRAINING'"
						+ " and e.event_date <= current_date and f.path like (select path || '%' from federation where code = '140123')",
				Long.class);
		long recruitment = this.jdbc.queryForObject(
				"select min(e.id) from event e join federation f on f.id = e.federation_id where e.type = 'RECRUITMENT'"
						+ " and f.path like (select path || '%' from federation where code = '140123')",
				Long.class);
		long need = this.jdbc.queryForObject(
				"select min(n.id) from need n join child c on c.id = n.child_id join federation f on f.id = c.federation_id"
						+ " where f.path like (select path || '%' from federation where code = '140123')",
				Long.class);
		for (String path : List.of("/", "/federations", "/federations/" + township,
				"/federations/" + township + "/edit", "/federations/" + township + "/children/new",
				"/federations/" + township + "/stations/new", "/accounts", "/accounts/new",
				"/accounts/" + account + "/edit", "/account/password", "/children", "/children/new",
				"/children/" + child, "/children/" + child + "/edit", "/children/import", "/volunteers",
				"/volunteers/new", "/volunteers/" + volunteer, "/volunteers/" + volunteer + "/edit",
				"/volunteers/" + volunteer + "/account", "/volunteers/" + volunteer + "/account/slip",
				"/pairings/child/" + child, "/pairings/mother/" + volunteer, "/pairings/unpaired", "/visits/review",
				"/needs", "/needs/new?child=" + child, "/needs/new", "/needs/new?q=%E7%8E%8B", "/needs/" + need,
				"/events", "/events/new", "/events/" + training, "/events/" + training + "?q=%E7%8E%8B",
				"/events/" + training + "/edit", "/events/" + recruitment, "/dashboard", "/care-gaps", "/reminders")) {
			check(path, DemoUsers.LOUFAN_STAFF);
		}
		check("/audit", DemoUsers.ADMIN);
		check("/", DemoUsers.LOUFAN_MOTHER);
		long pairing = this.jdbc.queryForObject("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				join app_user a on a.id = v.account_id where a.username = 'loufan.mother' and p.end_date is null""",
				Long.class);
		check("/my/pairings/" + pairing + "/visits/new", DemoUsers.LOUFAN_MOTHER);
		check("/my/offline", DemoUsers.LOUFAN_MOTHER);
		check("/", DemoUsers.XINZHOU_OFFICIAL);
		check("/dashboard", DemoUsers.XINZHOU_OFFICIAL);
		check("/dashboard?period=YEAR", DemoUsers.ADMIN);
		long xinzhou = this.jdbc.queryForObject("select id from federation where code = '140900'", Long.class);
		check("/targets/" + xinzhou, DemoUsers.XINZHOU_OFFICIAL);
		check("/dashboard/" + xinzhou + "/ledger", DemoUsers.XINZHOU_OFFICIAL);
		long loufan = this.jdbc.queryForObject("select id from federation where code = '140123'", Long.class);
		check("/dashboard/" + loufan + "/ledger", DemoUsers.LOUFAN_STAFF);
		check("/dashboard/" + loufan + "/ledger?month=2026-13", DemoUsers.ADMIN);
		check("/dashboard/" + loufan + "/ledger?month=2025-06&closing=true", DemoUsers.LOUFAN_STAFF);
		check("/dashboard/" + loufan + "?period=CUSTOM&from=2026-06-30&to=2026-05-01", DemoUsers.LOUFAN_STAFF);
		check("/volunteers/import", DemoUsers.LOUFAN_STAFF);
		assertValid();
	}

	@Test
	void theLoginPageIsWellFormed() throws Exception {
		for (String path : List.of("/login", "/activate?u=wangxiuying27")) {
			MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as("status of %s", path).isEqualTo(200);
			String html = response.getContentAsString();
			assertWellFormed(path, html);
			this.checker.add(path, html);
		}
		assertValid();
	}

	private void check(String path, String user) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).with(new DemoUsers(this.userDetails).as(user)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as("status of %s for %s", path, user).isEqualTo(200);
		String html = response.getContentAsString();
		assertWellFormed(path, html);
		this.checker.add(path + " (" + user + ")", html);
	}

	/** The Nu Html Checker finds no error on any page fetched. */
	private void assertValid() throws Exception {
		assertThat(this.checker.errors()).as("errors of the Nu Html Checker").isEmpty();
	}

	private static void assertWellFormed(String path, String html) {
		assertThat(count(html, "<h1")).as("one h1 on %s", path).isEqualTo(1);
		Set<String> ids = new HashSet<>();
		List<String> duplicates = new ArrayList<>();
		Matcher id = ID.matcher(html);
		while (id.find()) {
			if (!ids.add(id.group(1))) {
				duplicates.add(id.group(1));
			}
		}
		assertThat(duplicates).as("ids used twice on %s", path).isEmpty();
		Matcher input = INPUT.matcher(html);
		while (input.find()) {
			String attributes = input.group(2);
			if (attributes.contains("type=\"hidden\"") || attributes.contains("type=\"submit\"")) {
				continue;
			}
			Matcher inputId = ID.matcher(attributes);
			assertThat(inputId.find()).as("an id on %s on %s", input.group(), path).isTrue();
			assertThat(html).as("a label for %s on %s", inputId.group(1), path)
				.contains("for=\"" + inputId.group(1) + "\"");
		}
		assertThat(html).as("inline style on %s", path).doesNotContain(" style=\"");
		assertThat(html).as("inline script on %s", path).doesNotContainPattern("<script>[^<]");
		assertThat(html).as("untranslated message on %s", path).doesNotContain("??");
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
