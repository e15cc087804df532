package org.caringmothers.visit.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_MOTHER;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The caring mother's phone workspace and the staff review of her contacts. */
@SpringBootTest
@AutoConfigureMockMvc
class MotherWorkspaceTests {

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
	void theMotherSeesHerChildrenWithTheOverdueOneFirst() throws Exception {
		String home = page(get("/"), LOUFAN_MOTHER).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("我结对的孩子").contains("overdue-mark").contains("记录关爱");
		assertThat(home.indexOf("overdue-mark")).isLessThan(home.lastIndexOf("log-visit"));
		assertThat(count(home, "class=\"child-card")).isEqualTo(myPairings().size());
	}

	@Test
	void aContactSentTwiceIsRecordedOnce() throws Exception {
		long pairing = myPairings().get(1);
		long before = visits(pairing);
		String token = UUID.randomUUID().toString();
		page(contact(pairing, token), LOUFAN_MOTHER).andExpect(status().is3xxRedirection());
		page(contact(pairing, token), LOUFAN_MOTHER).andExpect(status().is3xxRedirection());
		assertThat(visits(pairing)).isEqualTo(before + 1);
		page(get("/"), LOUFAN_MOTHER).andExpect(status().isOk())
			.andExpect(content().string(containsString("（今天）")))
			.andExpect(content().string(not(containsString("0 天前"))));
		assertThat(this.jdbc.queryForList(
				"select care_type from visit_care where visit_id = (select max(id) from visit where pairing_id = ?)",
				String.class, pairing))
			.containsExactlyInAnyOrder("COMFORT", "TUTORING");
	}

	@Test
	void theSameContactSentTwiceAtOnceMakesOneRow() throws Exception {
		long pairing = myPairings().get(1);
		long before = visits(pairing);
		String token = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return page(contact(pairing, token), LOUFAN_MOTHER).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		for (Future<Integer> result : results) {
			assertThat(result.get()).isEqualTo(302);
		}
		pool.shutdown();
		assertThat(visits(pairing)).isEqualTo(before + 1);
	}

	@Test
	void badInputGivesFieldErrorsAndSavesNothing() throws Exception {
		long pairing = myPairings().get(1);
		long before = visits(pairing);
		expectError(contact(pairing, UUID.randomUUID().toString(), "visitDate", LocalDate.now().plusDays(1).toString()),
				"visitDate", "日期不能晚于今天");
		expectError(contact(pairing, UUID.randomUUID().toString(), "visitDate", "2001-01-01"), "visitDate",
				"日期不能早于结对日期");
		expectError(post("/my/pairings/" + pairing + "/visits").with(csrf())
			.param("visitDate", LocalDate.now().toString())
			.param("mode", "PHONE")
			.param("durationMinutes", "20")
			.param("childMood", "GOOD")
			.param("clientToken", UUID.randomUUID().toString()), "careTypes", "请至少选择一项");
		expectError(contact(pairing, UUID.randomUUID().toString(), "notes", "x\u0007"), "notes", "不能包含控制字符");
		expectError(contact(pairing, UUID.randomUUID().toString(), "durationMinutes", "0"), "durationMinutes",
				"不能小于 1");
		assertThat(visits(pairing)).isEqualTo(before);
	}

	@Test
	void aRefusedFormStartsWithASummaryLinkingToEachField() throws Exception {
		long pairing = myPairings().get(1);
		String page = page(contact(pairing, UUID.randomUUID().toString(), "durationMinutes", "0", "gifts[0].value",
				"-1", "visitDate", "2001-01-01"), LOUFAN_MOTHER)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"error-summary\"").contains("role=\"alert\"").contains("tabindex=\"-1\"");
		int start = page.indexOf("id=\"error-summary\"");
		String summary = page.substring(start, page.indexOf("</ul>", start));
		assertThat(summary).contains("href=\"#durationMinutes\"")
			.contains("href=\"#gifts0.value\"")
			.contains("data-field=\"gifts[0].value\"")
			.contains("不能小于 1")
			.contains("不能小于 0")
			.doesNotContain("必须大于或等于");
		assertThat(page.indexOf("id=\"error-summary\"")).isLessThan(page.indexOf("id=\"durationMinutes\""));
	}

	@Test
	void anotherMothersChildIsNotFound() throws Exception {
		long other = this.jdbc.queryForObject("""
				select p.id from pairing p join volunteer v on v.id = p.volunteer_id
				where p.end_date is null and v.account_id is null order by p.id limit 1""", Long.class);
		page(get("/my/pairings/" + other + "/visits/new"), LOUFAN_MOTHER).andExpect(status().isNotFound());
		page(contact(other, UUID.randomUUID().toString()), LOUFAN_MOTHER).andExpect(status().isNotFound());
		long someoneElsesVisit = this.jdbc.queryForObject("select min(id) from visit where pairing_id = ?", Long.class,
				other);
		page(get("/my/visits/" + someoneElsesVisit + "/edit"), LOUFAN_MOTHER).andExpect(status().isNotFound());
		page(get("/my/pairings/" + other + "/visits/new"), LOUFAN_STAFF).andExpect(status().isForbidden());
	}

	@Test
	void sheCorrectsHerEntryForSevenDaysThenItIsLocked() throws Exception {
		long pairing = myPairings().get(1);
		page(contact(pairing, UUID.randomUUID().toString()), LOUFAN_MOTHER).andExpect(status().is3xxRedirection());
		long visit = this.jdbc.queryForObject("select max(id) from visit where pairing_id = ?", Long.class, pairing);
		page(get("/my/visits/" + visit + "/edit"), LOUFAN_MOTHER).andExpect(status().isOk());
		page(edit(visit, 0).param("durationMinutes", "45"), LOUFAN_MOTHER).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select duration_minutes from visit where id = ?", Integer.class, visit))
			.isEqualTo(45);
		this.jdbc.update("update visit set created_at = now() - interval '8 days' where id = ?", visit);
		page(edit(visit, 1).param("durationMinutes", "50"), LOUFAN_MOTHER).andExpect(status().isOk())
			.andExpect(content().string(containsString("已不能修改")));
		assertThat(this.jdbc.queryForObject("select duration_minutes from visit where id = ?", Integer.class, visit))
			.isEqualTo(45);
	}

	@Test
	void staffReviewNewContactsAndSeeCareGaps() throws Exception {
		long pairing = myPairings().get(1);
		page(contact(pairing, UUID.randomUUID().toString(), "notes", "孩子期中考试进步了"), LOUFAN_MOTHER);
		long visit = this.jdbc.queryForObject("select max(id) from visit where pairing_id = ?", Long.class, pairing);
		page(get("/visits/review"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString("孩子期中考试进步了")));
		page(get("/visits/review"), SHENCHI_STAFF)
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("孩子期中考试进步了"))));
		page(post("/visits/" + visit + "/review").with(csrf()).param("flag", "true"), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select reviewed_at is null from visit where id = ?", Boolean.class, visit))
			.isTrue();
		page(post("/visits/" + visit + "/review").with(csrf()).param("flag", "false"), SHENCHI_STAFF)
			.andExpect(status().isNotFound());
		page(post("/visits/" + visit + "/review").with(csrf()).param("flag", "false"), LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select reviewed_at is not null from visit where id = ?", Boolean.class,
				visit))
			.isTrue();
		page(get("/"), LOUFAN_STAFF).andExpect(content().string(containsString("关爱缺口")))
			.andExpect(content().string(containsString("****")));
	}

	/** A valid contact, with some fields replaced (name, value, ...). */
	@Test
	void aReminderShowsOnHerHomeUntilSheLogsAContact() throws Exception {
		long pairing = myPairings().get(2);
		page(post("/visits/remind/" + pairing).with(csrf()), SHENCHI_STAFF).andExpect(status().isNotFound());
		page(post("/visits/remind/" + pairing).with(csrf()), LOUFAN_MOTHER).andExpect(status().isForbidden());
		page(post("/visits/remind/" + pairing).with(csrf()), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		page(get("/"), LOUFAN_MOTHER).andExpect(content().string(containsString("请尽快和孩子联系")));
		page(contact(pairing, UUID.randomUUID().toString()), LOUFAN_MOTHER).andExpect(status().is3xxRedirection());
		page(get("/"), LOUFAN_MOTHER)
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("请尽快和孩子联系"))));
	}

	@Test
	void aMissingModeAndAFutureDateAreReportedInOneRound() throws Exception {
		long pairing = myPairings().get(0);
		long before = visits(pairing);
		page(contact(pairing, UUID.randomUUID().toString(), "mode", "", "visitDate",
				LocalDate.now().plusDays(3).toString()), LOUFAN_MOTHER)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "mode", "visitDate"))
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("此项为必填项")))
			.andExpect(content().string(containsString("日期不能晚于今天")));
		assertThat(visits(pairing)).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder contact(long pairing, String token, String... overrides) {
		java.util.Map<String, String[]> fields = new java.util.LinkedHashMap<>();
		fields.put("visitDate", new String[] { LocalDate.now().toString() });
		fields.put("mode", new String[] { "HOME_VISIT" });
		fields.put("durationMinutes", new String[] { "40" });
		fields.put("careTypes", new String[] { "COMFORT", "TUTORING" });
		fields.put("gifts[0].item", new String[] { "课外书" });
		fields.put("gifts[0].value", new String[] { "35.5" });
		fields.put("childMood", new String[] { "GOOD" });
		fields.put("clientToken", new String[] { token });
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], new String[] { overrides[i + 1] });
		}
		MockHttpServletRequestBuilder request = post("/my/pairings/" + pairing + "/visits").with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private MockHttpServletRequestBuilder edit(long visit, long version) {
		return post("/my/visits/" + visit + "/edit").with(csrf())
			.param("visitDate", LocalDate.now().toString())
			.param("mode", "HOME_VISIT")
			.param("careTypes", "COMFORT")
			.param("childMood", "GOOD")
			.param("clientToken", "edit-token-" + visit)
			.param("version", String.valueOf(version));
	}

	private void expectError(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
		page(request, LOUFAN_MOTHER).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field))
			.andExpect(content().string(containsString(message)));
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

	private List<Long> myPairings() {
		return this.jdbc.queryForList(
				"""
						select p.id from pairing p join volunteer v on v.id = p.volunteer_id join app_user a on a.id = v.account_id
						where a.username = 'loufan.mother' and p.end_date is null order by p.start_date""",
				Long.class);
	}

	private long visits(long pairing) {
		return this.jdbc.queryForObject("select count(*) from visit where pairing_id = ?", Long.class, pairing);
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
