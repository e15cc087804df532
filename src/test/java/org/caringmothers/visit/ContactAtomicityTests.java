package org.caringmothers.visit;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.need.NeedCategory;
import org.caringmothers.need.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A contact, its audit entry and the need raised on it are kept together or not at all:
 * when the need fails at the database after the contact was written, nothing is left, and
 * the same form sent again records the contact and its need.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContactAtomicityTests {

	@Autowired
	VisitService visits;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aNeedFailingAfterTheContactLeavesNothingAndTheResentFormSavesBoth() {
		CurrentUser mother = (CurrentUser) this.userDetails.loadUserByUsername("loufan.mother");
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(mother, null, mother.getAuthorities()));
		long pairing = this.jdbc.queryForObject("""
				select min(p.id) from pairing p join volunteer v on v.id = p.volunteer_id
				where v.account_id = ? and p.end_date is null""", Long.class, mother.id());
		String description = "书包坏了，想要一个新书包 " + UUID.randomUUID();
		VisitForm form = new VisitForm();
		form.setVisitDate(LocalDate.now());
		form.setMode(ContactMode.PHONE);
		form.setDurationMinutes(20);
		form.setCareTypes(Set.of(CareType.COMFORT));
		form.setChildMood(ChildMood.GOOD);
		form.setNeedCategory(NeedCategory.STUDY);
		form.setNeedUrgency(Urgency.MEDIUM);
		form.setNeedDescription(description);
		form.setClientToken(UUID.randomUUID().toString());
		long auditBefore = auditEntries(mother);
		this.jdbc.execute("""
				create or replace function contact_atomicity_refuse_need() returns trigger as $$
				begin
				    raise exception 'need refused for the test' using errcode = 'P0001';
				end;
				$$ language plpgsql""");
		this.jdbc.execute("""
				create trigger contact_atomicity_refuse_need before insert on need for each row
				when (new.description = '%s') execute function contact_atomicity_refuse_need()"""
			.formatted(description));
		try {
			assertThatThrownBy(() -> this.visits.log(pairing, form, mother)).isInstanceOf(RuntimeException.class);
		}
		finally {
			this.jdbc.execute("drop trigger contact_atomicity_refuse_need on need");
			this.jdbc.execute("drop function contact_atomicity_refuse_need()");
		}
		assertThat(contacts(mother, form)).as("contact kept without its need").isZero();
		assertThat(needs(description)).isZero();
		assertThat(auditEntries(mother)).as("audit entry of a contact that was not kept").isEqualTo(auditBefore);

		Visit visit = this.visits.log(pairing, form, mother);
		assertThat(contacts(mother, form)).isOne();
		assertThat(this.jdbc.queryForObject("select count(*) from need where description = ? and visit_id = ?",
				Long.class, description, visit.getId()))
			.isOne();
		assertThat(auditEntries(mother)).isEqualTo(auditBefore + 2);

		assertThat(this.visits.log(pairing, form, mother).getId()).as("the same form sent a third time")
			.isEqualTo(visit.getId());
		assertThat(contacts(mother, form)).isOne();
		assertThat(needs(description)).isOne();
	}

	private long contacts(CurrentUser mother, VisitForm form) {
		return this.jdbc.queryForObject("select count(*) from visit where recorded_by = ? and client_token = ?",
				Long.class, mother.id(), form.getClientToken());
	}

	private long needs(String description) {
		return this.jdbc.queryForObject("select count(*) from need where description = ?", Long.class, description);
	}

	private long auditEntries(CurrentUser mother) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_entry where actor_id = ? and record_type in ('VISIT', 'NEED')", Long.class,
				mother.id());
	}

}
