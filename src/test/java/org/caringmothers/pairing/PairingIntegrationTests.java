package org.caringmothers.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.caringmothers.child.ChildService;
import org.caringmothers.child.ChildStatus;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.volunteer.StatusChangeForm;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerService;
import org.caringmothers.volunteer.VolunteerStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pairing rules on real PostgreSQL, including two members of staff acting at the same
 * moment.
 */
@SpringBootTest
class PairingIntegrationTests {

	@Autowired
	PairingService pairings;

	@Autowired
	VolunteerService volunteers;

	@Autowired
	ChildService children;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	CurrentUser staff;

	@BeforeEach
	void setUp() {
		this.staff = (CurrentUser) this.userDetails.loadUserByUsername("loufan.staff");
	}

	@Test
	void twoConcurrentPairingsOfOneChildExactlyOneSucceeds() throws Exception {
		long child = unpairedChild(0);
		List<Volunteer> mothers = freeMothers(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (Volunteer mother : mothers) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					this.pairings.pair(child, mother, LocalDate.now(), this.staff);
					return true;
				}
				catch (RuleViolationException ex) {
					return false;
				}
			}));
		}
		start.countDown();
		int succeeded = 0;
		for (Future<Boolean> result : results) {
			succeeded += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(succeeded).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from pairing where child_id = ? and end_date is null",
				Long.class, child))
			.isEqualTo(1);
	}

	@Test
	void concurrentPairingsCannotOverfillAMother() throws Exception {
		Volunteer mother = freeMothers(1).get(0);
		int capacity = 3;
		List<Long> children = new ArrayList<>();
		for (int i = 0; i < capacity + 2; i++) {
			children.add(unpairedChild(10 + i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(children.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (long child : children) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					this.pairings.pair(child, mother, LocalDate.now(), this.staff);
					return true;
				}
				catch (RuleViolationException ex) {
					return false;
				}
			}));
		}
		start.countDown();
		int succeeded = 0;
		for (Future<Boolean> result : results) {
			succeeded += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(succeeded).isEqualTo(capacity);
		assertThat(this.jdbc.queryForObject("select count(*) from pairing where volunteer_id = ? and end_date is null",
				Long.class, mother.getId()))
			.isEqualTo(capacity);
	}

	@Test
	void aWithdrawnMothersPairingsEndAndHerChildrenNeedANewMother() {
		Volunteer mother = freeMothers(1).get(0);
		long first = unpairedChild(20);
		long second = unpairedChild(21);
		this.pairings.pair(first, mother, LocalDate.now().minusDays(40), this.staff);
		this.pairings.pair(second, mother, LocalDate.now().minusDays(10), this.staff);
		StatusChangeForm withdraw = StatusChangeForm.to(VolunteerStatus.WITHDRAWN);
		withdraw.setNote("搬家到外地");
		this.volunteers.changeStatus(mother.getId(), withdraw, this.staff);
		assertThat(this.jdbc.queryForList("select end_reason from pairing where volunteer_id = ?", String.class,
				mother.getId()))
			.containsOnly("MOTHER_WITHDREW")
			.hasSize(2);
		assertThat(this.pairings.needingANewMother(this.staff)).extracting(child -> child.getId())
			.contains(first, second);
	}

	@Test
	void aChildWhoMovesOrIsClosedLeavesHerPairingAndHerMotherNoLongerSeesHer() {
		Volunteer mother = freeMothers(1).get(0);
		long moving = unpairedChild(50);
		long closing = unpairedChild(51);
		this.pairings.pair(moving, mother, LocalDate.now().minusDays(40), this.staff);
		this.pairings.pair(closing, mother, LocalDate.now().minusDays(40), this.staff);
		this.children.changeStatus(moving, ChildStatus.MOVED, "随父母迁往太原", this.staff);
		this.children.changeStatus(closing, ChildStatus.CLOSED, "父母返乡，不再需要结对", this.staff);
		assertThat(endOfPairing(moving)).containsEntry("end_reason", "CHILD_MOVED")
			.containsEntry("end_date", java.sql.Date.valueOf(LocalDate.now()))
			.containsEntry("ended_by", this.staff.id());
		assertThat(endOfPairing(closing)).containsEntry("end_reason", "CHILD_CLOSED");
		assertThat(this.pairings.activeOfMother(mother)).isEmpty();
		assertThat(this.pairings.historyOfMother(mother)).hasSize(2);
		assertThat(this.pairings.needingANewMother(this.staff)).extracting(child -> child.getId())
			.doesNotContain(moving, closing);
	}

	@Test
	void aChildWhoTurnsEighteenLeavesHerPairing() {
		Volunteer mother = freeMothers(1).get(0);
		long child = this.jdbc.queryForObject("""
				insert into child (federation_id, name, gender, birth_date, parents_situation, risk_level)
				select id, '今天满十八', 'FEMALE', ?, 'OTHER', 'LOW' from federation where code = '140123101'
				returning id""", Long.class, java.sql.Date.valueOf(LocalDate.now().minusYears(18)));
		this.pairings.pair(child, mother, LocalDate.now().minusDays(100), this.staff);
		this.children.ageOut();
		assertThat(this.jdbc.queryForObject("select status from child where id = ?", String.class, child))
			.isEqualTo("AGED_OUT");
		assertThat(endOfPairing(child)).containsEntry("end_reason", "CHILD_AGED_OUT");
		assertThat(this.pairings.activeOfMother(mother)).isEmpty();
	}

	@Test
	void rulesAreCheckedBeforeTheDatabaseIsAsked() {
		Volunteer mother = freeMothers(1).get(0);
		long child = unpairedChild(30);
		assertThatThrownBy(() -> this.pairings.pair(child, mother, LocalDate.now().plusDays(1), this.staff))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("pairing.startDate.future");
		Volunteer applicant = this.jdbc
			.queryForList(
					"select v.id from volunteer v join federation f on f.id = v.federation_id "
							+ "where v.status = 'APPLIED' and v.role = 'MOTHER' and f.path like ("
							+ "select path || '%' from federation where code = '140123') order by v.id limit 1",
					Long.class)
			.stream()
			.map(id -> this.volunteers.get(id, this.staff))
			.findFirst()
			.orElseThrow();
		assertThatThrownBy(() -> this.pairings.pair(child, applicant, LocalDate.now(), this.staff))
			.hasMessage("pairing.mother.notActive");
		Pairing pairing = this.pairings.pair(child, mother, LocalDate.now(), this.staff);
		this.pairings.end(pairing.getId(), LocalDate.now(), PairingEndReason.PARENTS_RETURNED, "父母返乡", this.staff);
		assertThatThrownBy(
				() -> this.pairings.end(pairing.getId(), LocalDate.now(), PairingEndReason.OTHER, null, this.staff))
			.hasMessage("pairing.alreadyEnded");
		assertThatThrownBy(
				() -> this.jdbc.update("update pairing set end_note = 'changed' where id = ?", pairing.getId()))
			.hasMessageContaining("an ended pairing cannot be changed");
		assertThatThrownBy(() -> this.jdbc.update("delete from pairing where id = ?", pairing.getId()))
			.hasMessageContaining("pairings stay on record");
	}

	@Test
	void suggestionsComeNearestFirstWithRoomToSpare() {
		long child = unpairedChild(40);
		List<Suggestion> suggestions = this.pairings.suggestionsFor(child, this.staff);
		assertThat(suggestions).isNotEmpty().allSatisfy(s -> assertThat(s.spare()).isPositive());
		for (int i = 1; i < suggestions.size(); i++) {
			assertThat(suggestions.get(i).nearness()).isGreaterThanOrEqualTo(suggestions.get(i - 1).nearness());
		}
	}

	private java.util.Map<String, Object> endOfPairing(long child) {
		return this.jdbc.queryForMap("select end_reason, end_date, ended_by from pairing where child_id = ?", child);
	}

	/** An active child of 娄烦县 without a pairing, a different one for each index. */
	private long unpairedChild(int index) {
		return this.jdbc.queryForObject("""
				select c.id from child c join federation f on f.id = c.federation_id
				where c.status = 'ACTIVE' and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.child_id = c.id)
				order by c.id offset ? limit 1""", Long.class, index);
	}

	/** Active mothers of 娄烦县 without any pairing yet. */
	private List<Volunteer> freeMothers(int count) {
		return this.jdbc.queryForList("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.status = 'ACTIVE' and v.role = 'MOTHER'
				  and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.volunteer_id = v.id)
				order by random() limit ?""", Long.class, count)
			.stream()
			.map(id -> this.volunteers.get(id, this.staff))
			.toList();
	}

}
