package org.caringmothers.pairing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding places and waiting children through the pages: the federation picker's
 * suggestions and hints, and the list of children waiting for a mother with its filters,
 * orders and page sizes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FindingPagesTests {

	private static final Pattern CHILD_LINK = Pattern.compile("href=\"/pairings/child/(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void thePickerSuggestsFederationsByNameWithTheirParentWithinTheUsersSubtreeOnly() throws Exception {
		this.mvc.perform(get("/federations/options").param("federationCode", "娄烦").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"140123100\"")))
			.andExpect(content().string(containsString("娄烦镇（娄烦县）")));
		this.mvc.perform(get("/federations/options").param("federationCode", "娄烦").with(this.users.as(SHENCHI_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("140123100"))));
	}

	@Test
	void theChildrensFilterTakesANameAndSaysWhenItNamesNothing() throws Exception {
		String found = this.mvc
			.perform(get("/children").param("federationCode", "娄烦镇").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("即：娄烦镇（娄烦县） 140123100")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(found).doesNotContain("federation-unknown").contains("href=\"/children/");
		this.mvc.perform(get("/children").param("federationCode", "娄烦县城关").with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("在您的管辖范围内没有找到“娄烦县城关”")));
	}

	@Test
	void waitingChildrenAreFilteredAndOrderedByRiskOrWaitingTime() throws Exception {
		String high = body("/pairings/unpaired?risk=HIGH&sort=WAITING&size=100");
		List<Long> ids = childIds(high);
		assertThat(ids).isNotEmpty();
		assertThat(this.jdbc.queryForList("select distinct risk_level from child where id in ("
				+ String.join(",", ids.stream().map(String::valueOf).toList()) + ")", String.class))
			.containsExactly("HIGH");
		// longest waiting first: the "since" dates never go down
		List<String> since = new ArrayList<>();
		Matcher dates = Pattern.compile("自 (\\d{4}-\\d{2}-\\d{2}) 起").matcher(high);
		while (dates.find()) {
			since.add(dates.group(1));
		}
		assertThat(since).hasSize(ids.size()).isSorted();

		List<Long> byRisk = childIds(body("/pairings/unpaired?sort=RISK&size=100"));
		List<String> risks = new ArrayList<>();
		for (long id : byRisk) {
			risks.add(this.jdbc.queryForObject("select risk_level from child where id = ?", String.class, id));
		}
		assertThat(risks).isNotEmpty()
			.extracting(risk -> List.of("HIGH", "MEDIUM", "LOW").indexOf(risk))
			.isSorted()
			.doesNotContain(-1);

		String township = body("/pairings/unpaired?federationCode=静游镇&category=LEFT_BEHIND&size=100");
		for (long id : childIds(township)) {
			assertThat(this.jdbc.queryForObject(
					"select f.code from child c join federation f on f.id = c.federation_id where c.id = ?",
					String.class, id))
				.startsWith("140123101");
			assertThat(
					this.jdbc.queryForList("select category from child_category where child_id = ?", String.class, id))
				.contains("LEFT_BEHIND");
		}
	}

	@Test
	void aLongListOffersItsLastPageAndAPageSize() throws Exception {
		String first = body("/pairings/unpaired");
		assertThat(childIds(first)).hasSize(25);
		Matcher last = Pattern.compile("class=\"page-link last-page\" href=\"\\?page=(\\d+)\"").matcher(first);
		assertThat(last.find()).as("a link to the last page").isTrue();
		assertThat(first).contains("href=\"/pairings/unpaired?size=50\"");
		assertThat(childIds(body("/pairings/unpaired?size=50"))).hasSize(50);
		assertThat(childIds(body("/pairings/unpaired?size=7"))).as("an unknown size keeps the default").hasSize(25);
		String lastPage = body("/pairings/unpaired?page=" + last.group(1));
		assertThat(childIds(lastPage)).isNotEmpty().hasSizeLessThanOrEqualTo(25);
		assertThat(body("/children?size=100"))
			.contains("<strong class=\"ms-2 page-size\" aria-current=\"true\">100</strong>");
	}

	private String body(String url) throws Exception {
		return this.mvc.perform(get(url).with(this.users.as(LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The children of the waiting list's table, in order (not those needing a new
	 * mother).
	 */
	private static List<Long> childIds(String page) {
		String table = page
			.substring(page.indexOf("id=\"unpaired-children\"") > 0 ? page.indexOf("id=\"unpaired-children\"") : 0);
		List<Long> ids = new ArrayList<>();
		Matcher matcher = CHILD_LINK.matcher(table);
		while (matcher.find()) {
			ids.add(Long.valueOf(matcher.group(1)));
		}
		return ids;
	}

}
