package org.caringmothers.audit;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caringmothers.common.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access log records every security event and every look at personal data: sign-in,
 * failed sign-in, lock-out, sign-out, refused requests (alone), views of records and of
 * lists (one entry with filter and count), and its own export, masked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditService audit;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	PlatformTransactionManager transactions;

	DemoUsers users;

	@BeforeEach
	void setUp() {
		this.users = new DemoUsers(this.userDetails);
	}

	@Test
	void signInFailureLockOutAndSignOutAreRecorded() throws Exception {
		String username = "audit.lock" + System.nanoTime() % 100000;
		this.jdbc.update("""
				insert into app_user (username, display_name, password_hash, role, federation_id)
				values (?, '审计测试', ?, 'STAFF', (select id from federation where code = '140123'))""", username,
				this.passwords.encode("a-long-unguessable-phrase-2026"));
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(formLogin("/login").user(username).password("a-long-unguessable-phrase-2026"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession();
		assertThat(count(username, "SIGN_IN")).isEqualTo(1);
		this.mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(status().is3xxRedirection());
		assertThat(count(username, "SIGN_OUT")).isEqualTo(1);

		for (int i = 0; i < 6; i++) {
			this.mvc.perform(formLogin("/login").user(username).password("wrong-" + i))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(count(username, "SIGN_IN_FAILED")).isEqualTo(6);
		assertThat(count(username, "LOCKED_OUT")).isEqualTo(1);
		// the right password on a locked account is refused, and recorded
		this.mvc.perform(formLogin("/login").user(username).password("a-long-unguessable-phrase-2026"))
			.andExpect(status().is3xxRedirection());
		assertThat(count(username, "SIGN_IN_FAILED")).isEqualTo(7);
		assertThat(count(username, "SIGN_IN")).isEqualTo(1);
		// an unknown user name is recorded as typed
		this.mvc.perform(formLogin("/login").user("nobody-" + username).password("x"));
		assertThat(count("nobody-" + username, "SIGN_IN_FAILED")).isEqualTo(1);
	}

	@Test
	void refusedRequestsAreRecordedEvenThoughTheirWorkIsNot() throws Exception {
		long before = count(DemoUsers.XINZHOU_OFFICIAL, "DENIED");
		this.mvc.perform(get("/children").with(this.users.as(DemoUsers.XINZHOU_OFFICIAL)))
			.andExpect(status().isForbidden());
		assertThat(count(DemoUsers.XINZHOU_OFFICIAL, "DENIED")).isEqualTo(before + 1);
		assertThat(latest(DemoUsers.XINZHOU_OFFICIAL, "DENIED")).startsWith("GET /children");

		long shenchiChild = this.jdbc.queryForObject("""
				select min(c.id) from child c join federation f on f.id = c.federation_id
				where f.path like (select path from federation where code = '140927') || '%'""", Long.class);
		this.mvc.perform(get("/children/" + shenchiChild).with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_entry where action = 'OUT_OF_SCOPE' and actor_username = ?
				and record_type = 'CHILD' and record_id = ?""", Long.class, DemoUsers.LOUFAN_STAFF, shenchiChild))
			.isEqualTo(1);
	}

	@Test
	void aLookAtARecordOrAListIsOneEntry() throws Exception {
		long volunteer = this.jdbc.queryForObject("""
				select min(v.id) from volunteer v join federation f on f.id = v.federation_id
				where f.path like (select path from federation where code = '140123') || '%'""", Long.class);
		this.mvc.perform(get("/volunteers/" + volunteer).with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_entry where action = 'VIEW' and actor_username = ?
				and record_type = 'VOLUNTEER' and record_id = ?""", Long.class, DemoUsers.LOUFAN_STAFF, volunteer))
			.isEqualTo(1);

		long lists = this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'VIEW' and record_type = 'NEED' and record_id is null",
				Long.class);
		this.mvc.perform(get("/needs?status=OPEN").with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'VIEW' and record_type = 'NEED' and record_id is null",
				Long.class))
			.isEqualTo(lists + 1);
		assertThat(latest(DemoUsers.LOUFAN_STAFF, "VIEW")).startsWith("list /needs?status=OPEN count=");

		long child = this.jdbc.queryForObject("""
				select min(c.id) from child c join federation f on f.id = c.federation_id
				where f.path like (select path from federation where code = '140123') || '%'""", Long.class);
		this.mvc
			.perform(
					get("/needs/new").param("child", String.valueOf(child)).with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_entry where action = 'VIEW' and actor_username = ?
				and record_type = 'CHILD' and record_id = ? and summary = '/needs/new'""", Long.class,
				DemoUsers.LOUFAN_STAFF, child))
			.as("the need form names the child")
			.isEqualTo(1);

		long photos = count(DemoUsers.LOUFAN_STAFF, "VIEW");
		this.mvc.perform(get("/dashboard").with(this.users.as(DemoUsers.LOUFAN_STAFF))).andExpect(status().isOk());
		assertThat(count(DemoUsers.LOUFAN_STAFF, "VIEW")).as("figures are not personal data").isEqualTo(photos);
	}

	@Test
	void anEntryJoinsTheCallersTransactionExceptARefusal() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.audit.record(AuditAction.VIEW, "CHILD", 424242L, "rolled back with its work");
			this.audit.recordAlone(AuditAction.DENIED, "CHILD", 424242L, "kept alone");
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForList("select summary from audit_entry where record_id = 424242", String.class))
			.containsExactly("kept alone");
	}

	@Test
	void theLogIsExportedMaskedAndTheExportIsRecorded() throws Exception {
		this.audit.record(AuditAction.UPDATE, "GUARDIAN", 515151L, "phone 13912345678 id 140123201503150028");
		long exports = count(DemoUsers.ADMIN, "EXPORT");
		byte[] bytes = this.mvc
			.perform(get("/audit/export").param("recordId", "515151").with(this.users.as(DemoUsers.ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			String text = new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(sheet.getRow(1).getCell(5));
			assertThat(text).isEqualTo("phone 139****5678 id 140123********0028");
		}
		assertThat(count(DemoUsers.ADMIN, "EXPORT")).isEqualTo(exports + 1);
		assertThat(latest(DemoUsers.ADMIN, "EXPORT")).contains("rows=1");
		this.mvc.perform(get("/audit/export").with(this.users.as(DemoUsers.LOUFAN_STAFF)))
			.andExpect(status().isForbidden());
	}

	@Test
	void addressesAreMaskedToTheirNetwork() {
		assertThat(AuditService.maskAddress("192.168.1.23")).isEqualTo("192.168.1.*");
		assertThat(AuditService.maskAddress("2001:db8::7")).isEqualTo("2001:db8::*");
	}

	private long count(String username, String action) {
		return this.jdbc.queryForObject("select count(*) from audit_entry where actor_username = ? and action = ?",
				Long.class, username, action);
	}

	private String latest(String username, String action) {
		return this.jdbc.queryForObject(
				"select summary from audit_entry where actor_username = ? and action = ? order by id desc limit 1",
				String.class, username, action);
	}

}
