package org.caringmothers.child;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention (PIPL art. 47): a child's record is anonymised by the nightly job once its
 * period has run out (24 months after she left the programme by default; at the next run
 * after her guardian withdrew consent); every personal field in every module is emptied,
 * photos are deleted, the figures stay, and one audit entry is written per child.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChildRetentionTests {

	private static final String NAME = "留存测试童";

	private static final String GUARDIAN = "留存测试监护人";

	private static final String ADDRESS = "留存测试村 8 号";

	private static final String SCHOOL = "留存测试小学";

	private static final String NOTE = "留存测试记录：和孩子聊了学习";

	private static final String NEED = "留存测试需求：需要新书包";

	@Autowired
	ChildRetentionJob job;

	@Autowired
	ChildService children;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void aChildAgedOutLongEnoughAgoIsAnonymisedAndHerFiguresStay() throws Exception {
		long due = childWithHistory("AGED_OUT", ZonedDateTime.now(ZoneOffset.UTC).minusMonths(25).toInstant());
		long recent = childWithHistory("AGED_OUT", ZonedDateTime.now(ZoneOffset.UTC).minusMonths(23).toInstant());
		Map<String, Object> figuresBefore = figures(due);
		Map<String, Object> recentBefore = everything(recent);

		assertThat(this.job.anonymiseDue()).isGreaterThanOrEqualTo(1);

		// the figures count the same
		assertThat(figures(due)).isEqualTo(figuresBefore);
		// nothing personal is left
		Map<String, Object> child = this.jdbc.queryForMap("select * from child where id = ?", due);
		assertThat(child.get("name")).isEqualTo("#" + due);
		for (String column : List.of("id_number_cipher", "id_number_index", "id_number_masked", "school", "grade",
				"address", "parents_work_place", "health_notes", "consent_by", "consent_scope")) {
			assertThat(child.get(column)).as(column).isNull();
		}
		assertThat(child.get("anonymised_at")).isNotNull();
		assertThat(child.get("status")).isEqualTo("AGED_OUT");
		assertThat(child.get("birth_date")).isNotNull();
		assertThat(count("select count(*) from child_guardian where child_id = ?", due)).isZero();
		assertThat(count("""
				select count(*) from visit v join pairing p on p.id = v.pairing_id
				where p.child_id = ? and (v.notes is not null or v.review_comment is not null)""", due)).isZero();
		assertThat(count("select count(*) from pairing where child_id = ? and end_note is not null", due)).isZero();
		assertThat(count(
				"select count(*) from need where child_id = ? and (description <> '-' or report_action <> '-')", due))
			.isZero();
		assertThat(count("""
				select count(*) from need_step s join need n on n.id = s.need_id
				where n.child_id = ? and s.note is not null""", due)).isZero();
		assertThat(
				count("""
						select count(*) from visit_photo f join visit v on v.id = f.visit_id join pairing p on p.id = v.pairing_id
						where p.child_id = ?""",
						due))
			.isZero();
		assertThat(count("select count(*) from photo_chunk where name = ?", "retention-" + due + ".jpg")).isZero();
		// the text is gone from every table that held it
		for (String text : List.of(NAME + due, GUARDIAN + due, ADDRESS + due, SCHOOL + due, NOTE + due, NEED + due)) {
			assertThat(count("""
					select (select count(*) from child where name = ? or address = ? or school = ?)
					 + (select count(*) from child_guardian where name = ?)
					 + (select count(*) from visit where notes = ?)
					 + (select count(*) from need where description = ?)""", text, text, text, text, text, text))
				.as(text)
				.isZero();
		}
		// one audit entry, with no personal data
		List<Map<String, Object>> entries = this.jdbc.queryForList(
				"select summary from audit_entry where action = 'ANONYMISE' and record_type = 'CHILD' and record_id = ?",
				due);
		assertThat(entries).hasSize(1);
		assertThat((String) entries.get(0).get("summary")).doesNotContain(NAME).doesNotContain(GUARDIAN);

		// the child within her period is untouched
		assertThat(everything(recent)).isEqualTo(recentBefore);
		assertThat(count("select count(*) from audit_entry where action = 'ANONYMISE' and record_id = ?", recent))
			.isZero();

		// a second run changes nothing and writes no second entry
		this.job.anonymiseDue();
		assertThat(count("select count(*) from audit_entry where action = 'ANONYMISE' and record_id = ?", due))
			.isEqualTo(1);

		// the page says so, and the record cannot be changed any more
		this.mvc.perform(get("/children/" + due).with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"child-anonymised\"")))
			.andExpect(content().string(containsString("已匿名化")))
			.andExpect(content().string(not(containsString(GUARDIAN))))
			.andExpect(content().string(not(containsString("id=\"status-form\""))))
			.andExpect(content().string(not(containsString("id=\"consent-withdrawal-form\""))));
		this.mvc
			.perform(post("/children/" + due + "/status").param("status", "CLOSED")
				.param("reason", "再改")
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "child.anonymised.readOnly"));
		assertThat(this.jdbc.queryForObject("select status from child where id = ?", String.class, due))
			.isEqualTo("AGED_OUT");
	}

	@Test
	void aWithdrawalOfConsentClosesTheChildAndTheNextRunAnonymisesHer() throws Exception {
		long child = childWithHistory("ACTIVE", null);
		this.mvc.perform(get("/children/" + child).with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"consent-withdrawal-form\"")))
			.andExpect(content().string(not(containsString("id=\"child-anonymised\""))));
		CurrentUser staff = (CurrentUser) this.userDetails.loadUserByUsername(DemoUsers.LOUFAN_STAFF);
		assertThatThrownBy(() -> this.children.withdrawConsent(child, LocalDate.now().plusDays(1), "撤回", staff))
			.isInstanceOf(RuleViolationException.class);
		this.mvc
			.perform(post("/children/" + child + "/consent-withdrawal").param("withdrawnOn", "2026-13-45")
				.param("note", "家长撤回")
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "child.consentWithdrawal.dateInvalid"));
		assertThat(
				this.jdbc.queryForObject("select consent_withdrawn_on from child where id = ?", LocalDate.class, child))
			.isNull();

		this.mvc
			.perform(post("/children/" + child + "/consent-withdrawal").param("withdrawnOn", LocalDate.now().toString())
				.param("note", "家长要求删除信息")
				.with(csrf())
				.with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "child.consentWithdrawal.recorded"));
		Map<String, Object> row = this.jdbc.queryForMap("select status, consent_withdrawn_on from child where id = ?",
				child);
		assertThat(row.get("status")).isEqualTo("CLOSED");
		assertThat(row.get("consent_withdrawn_on")).isNotNull();
		assertThat(count("select count(*) from pairing where child_id = ? and end_date is null", child)).isZero();
		assertThat(count("select count(*) from audit_entry where action = 'ANONYMISE' and record_id = ?", child))
			.isZero();

		this.job.anonymiseDue();

		assertThat(this.jdbc.queryForObject("select name from child where id = ?", String.class, child))
			.isEqualTo("#" + child);
		assertThat(count("select count(*) from child_guardian where child_id = ?", child)).isZero();
		assertThat(count("select count(*) from audit_entry where action = 'ANONYMISE' and record_id = ?", child))
			.isEqualTo(1);
	}

	/** What dashboards and ledgers count about the child. */
	private Map<String, Object> figures(long child) {
		return this.jdbc.queryForMap(
				"""
						select c.federation_id, c.gender, c.birth_date, c.status, c.risk_level, c.status_changed_at,
						  (select string_agg(category, ',' order by category) from child_category where child_id = c.id) categories,
						  (select count(*) from pairing where child_id = c.id) pairings,
						  (select string_agg(p.start_date || '/' || p.end_date || '/' || p.end_reason, ',') from pairing p where p.child_id = c.id) pairing_dates,
						  (select count(*) from visit v join pairing p on p.id = v.pairing_id where p.child_id = c.id) visits,
						  (select string_agg(v.visit_date || '/' || v.mode || '/' || v.duration_minutes || '/' || v.child_mood, ',' order by v.id)
						     from visit v join pairing p on p.id = v.pairing_id where p.child_id = c.id) visit_figures,
						  (select count(*) from visit_care vc join visit v on v.id = vc.visit_id join pairing p on p.id = v.pairing_id
						     where p.child_id = c.id) care_types,
						  (select sum(g.value_yuan) from visit_gift g join visit v on v.id = g.visit_id join pairing p on p.id = v.pairing_id
						     where p.child_id = c.id) gift_value,
						  (select string_agg(n.category || '/' || n.urgency || '/' || n.status || '/' || n.mandatory_report, ',' order by n.id)
						     from need n where n.child_id = c.id) needs,
						  (select count(*) from need_step s join need n on n.id = s.need_id where n.child_id = c.id) need_steps
						from child c where c.id = ?""",
				child);
	}

	/** Every column of the child's rows in every module, to show that nothing changed. */
	private Map<String, Object> everything(long child) {
		Map<String, Object> all = new java.util.LinkedHashMap<>(
				this.jdbc.queryForMap("select * from child where id = ?", child));
		all.put("guardians",
				this.jdbc.queryForList("select * from child_guardian where child_id = ? order by position", child));
		all.put("pairings", this.jdbc.queryForList("select * from pairing where child_id = ? order by id", child));
		all.put("visits", this.jdbc.queryForList(
				"select v.* from visit v join pairing p on p.id = v.pairing_id where p.child_id = ? order by v.id",
				child));
		all.put("photos", this.jdbc.queryForList("""
				select f.* from visit_photo f join visit v on v.id = f.visit_id join pairing p on p.id = v.pairing_id
				where p.child_id = ? order by f.id""", child));
		all.put("needs", this.jdbc.queryForList("select * from need where child_id = ? order by id", child));
		all.put("steps", this.jdbc.queryForList(
				"select s.* from need_step s join need n on n.id = s.need_id where n.child_id = ? order by s.id",
				child));
		return all;
	}

	/**
	 * A child in 娄烦 with an ID number, a guardian, a pairing with two contacts (notes, a
	 * photo, a gift), a need with a follow-up step; {@code left} when she left the
	 * programme with the given status (her pairing then ended).
	 */
	private long childWithHistory(String status, Instant left) {
		String key = UUID.randomUUID().toString().replace("-", "");
		long child = this.jdbc.queryForObject(
				"""
						insert into child (federation_id, name, gender, birth_date, parents_situation, risk_level, school, grade,
						  address, parents_work_place, health_notes, consent_date, consent_by, consent_scope,
						  id_number_cipher, id_number_index, id_number_masked)
						select id, 'tmp', 'FEMALE', date '2008-01-01', 'BOTH_AWAY', 'MEDIUM', 'tmp', '三年级', 'tmp', '太原', '过敏',
						  date '2020-01-01', 'tmp', '全部', 'cipher-' || ?, ?, '140123********1234'
						from federation where code = '140123101' returning id""",
				Long.class, key, key);
		this.jdbc.update("update child set name = ?, address = ?, school = ?, consent_by = ? where id = ?",
				NAME + child, ADDRESS + child, SCHOOL + child, GUARDIAN + child, child);
		this.jdbc.update("insert into child_category (child_id, category) values (?, 'LEFT_BEHIND'), (?, 'POVERTY')",
				child, child);
		this.jdbc.update(
				"insert into child_guardian (child_id, position, name, relation, phone) values (?, 0, ?, 'GRANDPARENT', '13912340000')",
				child, GUARDIAN + child);
		long mother = this.jdbc.queryForObject(
				"""
						insert into volunteer (federation_id, role, name, gender, birth_date, phone, id_number_cipher,
						  id_number_index, id_number_masked, status, interview_done, references_checked, no_criminal_record, oath_date)
						select id, 'MOTHER', '留存测试妈妈', 'FEMALE', date '1980-01-01', '13812340000', 'cipher-' || ?, ?,
						  '140123********5678', 'ACTIVE', true, true, true, date '2020-01-01'
						from federation where code = '140123101' returning id""",
				Long.class, 'v' + key, 'v' + key);
		long author = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class,
				DemoUsers.LOUFAN_STAFF);
		long pairing = this.jdbc.queryForObject(
				"insert into pairing (volunteer_id, child_id, start_date, federation_id) "
						+ "select ?, c.id, date '2021-01-01', c.federation_id from child c where c.id = ? returning id",
				Long.class, mother, child);
		long first = visit(pairing, author, "2022-03-01", NOTE + child);
		visit(pairing, author, "2022-04-01", null);
		this.jdbc.update("update visit set review_comment = ?, reviewed_at = now(), reviewed_by = ? where id = ?",
				"复核：" + NOTE + child, author, first);
		this.jdbc.update("insert into visit_care (visit_id, care_type) values (?, 'COMFORT'), (?, 'TUTORING')", first,
				first);
		this.jdbc.update("insert into visit_gift (visit_id, position, item, value_yuan) values (?, 0, '书包', 80)",
				first);
		String photo = "retention-" + child + ".jpg";
		this.jdbc.update("insert into visit_photo (visit_id, stored_name, width, height, bytes) values (?, ?, 2, 2, 3)",
				first, photo);
		this.jdbc.update("insert into photo_chunk (name, seq, bytes) values (?, 0, ?)", photo, new byte[] { 1, 2, 3 });
		long need = this.jdbc.queryForObject(
				"""
						insert into need (child_id, federation_id, visit_id, category, urgency, description, status,
						  mandatory_report, report_action, raised_by)
						select id, federation_id, ?, 'SAFETY', 'HIGH', ?, 'IN_PROGRESS', true, '已报告派出所', ? from child where id = ?
						returning id""",
				Long.class, first, NEED + child, author, child);
		this.jdbc.update("""
				insert into need_step (need_id, from_status, to_status, note, by_user, by_name)
				values (?, 'OPEN', 'IN_PROGRESS', ?, ?, '工作人员')""", need, "联系了" + GUARDIAN + child, author);
		if (left != null) {
			this.jdbc.update(
					"update pairing set end_date = date '2023-01-01', end_reason = 'CHILD_AGED_OUT', end_note = ? where id = ?",
					"转告" + GUARDIAN + child, pairing);
			this.jdbc.update("update child set status = ?, status_changed_at = ? where id = ?", status,
					Timestamp.from(left), child);
		}
		return child;
	}

	private long visit(long pairing, long author, String date, String notes) {
		return this.jdbc.queryForObject(
				"""
						insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, notes, recorded_by, client_token,
						  federation_id)
						select y.id, ?::date, 'HOME_VISIT', 45, 'GOOD', ?, ?, ?, y.federation_id from pairing y where y.id = ?
						returning id""",
				Long.class, date, notes, author, UUID.randomUUID().toString(), pairing);
	}

	private long count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Long.class, arguments);
	}

}
