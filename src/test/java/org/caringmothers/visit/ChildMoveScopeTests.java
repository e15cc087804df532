package org.caringmothers.visit;

import java.time.LocalDate;
import java.util.List;

import org.caringmothers.child.Child;
import org.caringmothers.child.ChildForm;
import org.caringmothers.child.ChildService;
import org.caringmothers.common.DemoUsers;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.pairing.Pairing;
import org.caringmothers.pairing.PairingService;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A child moved to a township of another county (an edit of her record) takes her
 * pairings, their reminders and contacts with her: the staff of her new county see them,
 * those of her old county no longer do (404, as if they did not exist).
 */
@SpringBootTest
class ChildMoveScopeTests {

	@Autowired
	ChildService children;

	@Autowired
	PairingService pairings;

	@Autowired
	VolunteerService volunteers;

	@Autowired
	VisitService visits;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	CurrentUser loufan;

	CurrentUser shenchi;

	CurrentUser admin;

	@BeforeEach
	void setUp() {
		this.loufan = user(DemoUsers.LOUFAN_STAFF);
		this.shenchi = user(DemoUsers.SHENCHI_STAFF);
		this.admin = user(DemoUsers.ADMIN);
	}

	@Test
	void aChildMovedToAnotherCountyTakesHerPairingsAlong() {
		long childId = newChildOfLoufan();
		Volunteer mother = this.volunteers.get(freeMotherOfLoufan(), this.loufan);
		Pairing pairing = this.pairings.pair(childId, mother, LocalDate.now().minusDays(30), this.loufan);
		long loufanBefore = this.pairings.countActive(this.loufan);
		long shenchiBefore = this.pairings.countActive(this.shenchi);
		assertThat(this.pairings.get(pairing.getId(), this.loufan).getId()).isEqualTo(pairing.getId());
		assertThatThrownBy(() -> this.pairings.get(pairing.getId(), this.shenchi))
			.isInstanceOf(NotFoundException.class);
		// a reminder as staff send it (the mother has no account and there is no SMS
		// gateway in the tests, so it is written here)
		long reminder = this.jdbc.queryForObject("""
				insert into reminder (pairing_id, federation_id, created_by)
				select y.id, y.federation_id, u.id from pairing y, app_user u where y.id = ? and u.username = ?
				returning id""", Long.class, pairing.getId(), DemoUsers.LOUFAN_STAFF);
		assertThat(reminderIds(this.loufan, mother)).contains(reminder);
		assertThat(reminderIds(this.shenchi, mother)).doesNotContain(reminder);
		// a contact as her mother records it (with the pairing's federation)
		long visit = this.jdbc.queryForObject(
				"""
						insert into visit (pairing_id, visit_date, mode, duration_minutes, child_mood, recorded_by, client_token,
						  federation_id)
						select y.id, current_date, 'PHONE', 20, 'GOOD', u.id, 'move-test-' || y.id, y.federation_id
						from pairing y, app_user u where y.id = ? and u.username = ?
						returning id""",
				Long.class, pairing.getId(), DemoUsers.LOUFAN_STAFF);
		assertThat(queueIds(this.loufan)).contains(visit);
		assertThat(queueIds(this.shenchi)).doesNotContain(visit);

		move(childId, shenchiTownship());

		assertThatThrownBy(() -> this.pairings.get(pairing.getId(), this.loufan)).isInstanceOf(NotFoundException.class);
		assertThat(this.pairings.view(pairing.getId(), this.shenchi).getChild().getId()).isEqualTo(childId);
		assertThat(this.pairings.countActive(this.loufan)).isEqualTo(loufanBefore - 1);
		assertThat(this.pairings.countActive(this.shenchi)).isEqualTo(shenchiBefore + 1);
		assertThat(this.pairings.historyOfChild(childId, this.shenchi)).extracting(view -> view.getId())
			.containsExactly(pairing.getId());
		assertThat(reminderIds(this.loufan, mother)).doesNotContain(reminder);
		assertThat(reminderIds(this.shenchi, mother)).contains(reminder);
		assertThat(queueIds(this.loufan)).doesNotContain(visit);
		assertThat(queueIds(this.shenchi)).contains(visit);
		assertThatThrownBy(() -> this.visits.review(visit, false, null, this.loufan))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.visits.review(visit, false, null, this.shenchi).getReviewedAt()).isNotNull();
		assertThat(this.visits.reminders(this.shenchi, null, PageRequest.of(0, 500)).getContent()).anySatisfy(line -> {
			assertThat(line.reminder().getId()).isEqualTo(reminder);
			assertThat(line.pairing().getChild().getId()).isEqualTo(childId);
		});
		assertThat(this.jdbc.queryForObject("""
				select count(*) from pairing y join child c on c.id = y.child_id
				where y.child_id = ? and y.federation_id = c.federation_id""", Long.class, childId)).isEqualTo(1);
	}

	private List<Long> queueIds(CurrentUser user) {
		return this.visits.reviewQueue(user, PageRequest.of(0, 20)).getContent().stream().map(Visit::getId).toList();
	}

	private List<Long> reminderIds(CurrentUser user, Volunteer mother) {
		return this.visits.reminders(user, mother.getId(), PageRequest.of(0, 100))
			.getContent()
			.stream()
			.map(line -> line.reminder().getId())
			.toList();
	}

	private void move(long childId, String townshipCode) {
		Child child = this.children.get(childId, this.admin);
		ChildForm form = ChildForm.of(child);
		form.setVersion(child.getVersion());
		form.setFederationCode(townshipCode);
		this.children.update(childId, form, this.admin);
	}

	private long newChildOfLoufan() {
		long id = this.jdbc.queryForObject("""
				insert into child (federation_id, name, gender, birth_date, parents_situation, risk_level)
				select c.federation_id, '迁移测试', 'FEMALE', date '2017-04-01', 'OTHER', 'LOW'
				from child c join federation f on f.id = c.federation_id
				where f.path like (select path || '%' from federation where code = '140123')
				order by c.id limit 1 returning id""", Long.class);
		this.jdbc.update("""
				insert into child_guardian (child_id, position, name, phone, relation)
				select ?, 0, g.name, g.phone, g.relation from child_guardian g where g.phone is not null
				order by g.child_id limit 1""", id);
		return id;
	}

	private long freeMotherOfLoufan() {
		return this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.status = 'ACTIVE' and v.role = 'MOTHER'
				  and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.volunteer_id = v.id and p.end_date is null)
				order by v.id desc limit 1""", Long.class);
	}

	private String shenchiTownship() {
		return this.jdbc.queryForObject("""
				select f.code from federation f
				where f.level = 'TOWNSHIP' and f.path like (select path || '%' from federation where code = '140927')
				order by f.id limit 1""", String.class);
	}

	private CurrentUser user(String username) {
		return (CurrentUser) this.userDetails.loadUserByUsername(username);
	}

}
