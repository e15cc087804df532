package org.caringmothers.need;

import java.util.List;
import java.util.Map;

import org.caringmothers.child.Child;
import org.caringmothers.child.ChildForm;
import org.caringmothers.child.ChildService;
import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.security.CurrentUser;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caringmothers.common.DemoUsers.LOUFAN_STAFF;
import static org.caringmothers.common.DemoUsers.SHENCHI_STAFF;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A need keeps its own federation, the child's: when her record is edited to place her in
 * a township of another county, her needs move with her in the same transaction, the
 * staff there see them (and her name beside them), the staff she left answer 404, and the
 * need summaries of both townships still equal the records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NeedFollowsChildTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	ChildService children;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void herNeedsMoveWithHerAndTheirFiguresFollow() throws Exception {
		long loufan = township("140123");
		long shenchi = township("140927");
		String name = "随迁测试" + System.nanoTime() % 100_000;
		long child = this.jdbc.queryForObject(
				"""
						insert into child (federation_id, name, gender, birth_date, parents_situation, risk_level, status)
						values (?, ?, 'FEMALE', current_date - interval '9 years', 'BOTH_AWAY', 'LOW', 'ACTIVE') returning id""",
				Long.class, loufan, name);
		this.jdbc.update("""
				insert into child_guardian (child_id, position, name, relation, phone)
				values (?, 0, '王奶奶', 'GRANDPARENT', '13800001111')""", child);
		String safety = name + "：放学路上被拦截索要钱物";
		String study = name + "：数学跟不上";
		page(raise(child, "SAFETY", "HIGH", safety), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		page(raise(child, "STUDY", "LOW", study), LOUFAN_STAFF).andExpect(status().is3xxRedirection());
		long safetyNeed = need(safety);
		long studyNeed = need(study);
		page(post("/needs/" + studyNeed + "/steps").with(csrf()).param("to", "RESOLVED").param("note", "已安排辅导"),
				LOUFAN_STAFF)
			.andExpect(status().is3xxRedirection());
		assertThat(federationOf(safetyNeed)).isEqualTo(loufan);
		Map<String, Object> loufanBefore = openFigures(loufan);
		Map<String, Object> shenchiBefore = openFigures(shenchi);

		CurrentUser admin = (CurrentUser) this.userDetails.loadUserByUsername(DemoUsers.ADMIN);
		String shenchiCode = this.jdbc.queryForObject("select code from federation where id = ?", String.class,
				shenchi);
		this.transactions.executeWithoutResult(transaction -> {
			Child her = this.children.get(child, admin);
			ChildForm form = ChildForm.of(her);
			form.setFederationCode(shenchiCode);
			this.children.update(child, form, admin);
		});

		assertThat(this.jdbc.queryForList("select federation_id from need where child_id = ?", Long.class, child))
			.containsExactly(shenchi, shenchi);
		page(get("/needs/" + safetyNeed), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString(safety)));
		page(get("/needs/" + safetyNeed), LOUFAN_STAFF).andExpect(status().isNotFound());
		page(get("/needs/" + studyNeed), LOUFAN_STAFF).andExpect(status().isNotFound());
		page(get("/needs?status=RESOLVED&category=STUDY&size=100"), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString(study)));
		page(get("/needs?status=RESOLVED&category=STUDY&size=100"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(study))));
		// the safety concern waits for its action on the home of the county she lives in
		page(get("/"), SHENCHI_STAFF).andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString(safety)));
		page(get("/"), LOUFAN_STAFF).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(safety))));
		page(post("/needs/" + safetyNeed + "/report").with(csrf()).param("action", "已报告"), LOUFAN_STAFF)
			.andExpect(status().isNotFound());

		// one open safety concern less in the township she left, one more where she lives
		assertThat(openFigures(loufan)).containsEntry("open", (Long) loufanBefore.get("open") - 1)
			.containsEntry("safety_open", (Long) loufanBefore.get("safety_open") - 1);
		assertThat(openFigures(shenchi)).containsEntry("open", (Long) shenchiBefore.get("open") + 1)
			.containsEntry("safety_open", (Long) shenchiBefore.get("safety_open") + 1);
		for (long township : List.of(loufan, shenchi)) {
			assertThat(openFigures(township)).as("open needs of %d", township).isEqualTo(openRecords(township));
			assertThat(this.jdbc.queryForList("""
					select day, opened, resolved, referred from need_daily_figures
					where federation_id = ? and (opened <> 0 or resolved <> 0 or referred <> 0) order by day""",
					township))
				.as("daily figures of %d", township)
				.isEqualTo(this.jdbc.queryForList(
						"""
								select day, sum(o) as opened, sum(res) as resolved, sum(ref) as referred
								from (select raised_at::date as day, 1 as o, 0 as res, 0 as ref from need where federation_id = ?
								      union all
								      select closed_at::date, 0, case when status = 'RESOLVED' then 1 else 0 end,
								             case when status = 'REFERRED' then 1 else 0 end
								      from need where federation_id = ? and status in ('RESOLVED', 'REFERRED')) r
								group by day order by day""",
						township, township));
		}
	}

	private Map<String, Object> openFigures(long federation) {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select open, safety_open from need_open_figures where federation_id = ?", federation);
		return rows.isEmpty() ? Map.of("open", 0L, "safety_open", 0L) : rows.get(0);
	}

	private Map<String, Object> openRecords(long federation) {
		return this.jdbc.queryForMap("""
				select count(*) filter (where status in ('OPEN', 'IN_PROGRESS')) as open,
				  count(*) filter (where mandatory_report and report_action is null) as safety_open
				from need where federation_id = ?""", federation);
	}

	private long township(String county) {
		return this.jdbc.queryForObject("""
				select min(f.id) from federation f join federation c on c.id = f.parent_id
				where c.code = ? and f.level = 'TOWNSHIP'""", Long.class, county);
	}

	private long need(String description) {
		return this.jdbc.queryForObject("select id from need where description = ?", Long.class, description);
	}

	private long federationOf(long need) {
		return this.jdbc.queryForObject("select federation_id from need where id = ?", Long.class, need);
	}

	private MockHttpServletRequestBuilder raise(long child, String category, String urgency, String description) {
		return post("/needs/new").with(csrf())
			.param("child", String.valueOf(child))
			.param("category", category)
			.param("urgency", urgency)
			.param("description", description);
	}

	private ResultActions page(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(this.users.as(user)));
	}

}
