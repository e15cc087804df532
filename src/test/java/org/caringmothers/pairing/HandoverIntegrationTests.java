package org.caringmothers.pairing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.volunteer.CareReadiness;
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
 * 接替 on real PostgreSQL: a reserve who meets the conditions becomes a caring mother and
 * takes over the leaving mother's children in one transaction; one who does not is told
 * exactly what is missing, and nothing changes.
 */
@SpringBootTest
class HandoverIntegrationTests {

	@Autowired
	HandoverService handovers;

	@Autowired
	PairingService pairings;

	@Autowired
	VolunteerService volunteers;

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
	void aReadyReserveTakesOverEveryChildInOneStepAndBothRecordsTellTheStory() {
		Volunteer mother = freeMother(0);
		long first = unpairedChild(0);
		long second = unpairedChild(1);
		Pairing firstPairing = this.pairings.pair(first, mother, LocalDate.now().minusDays(60), this.staff);
		this.pairings.pair(second, mother, LocalDate.now().minusDays(30), this.staff);
		long ready = readyReserve(0);
		long notReady = notReadyReserve();
		backedBy(mother, ready, notReady);

		HandoverService.Plan plan = this.handovers.plan(mother.getId(), this.staff);
		assertThat(plan.pairings()).extracting(p -> p.getChild().getId()).containsExactlyInAnyOrder(first, second);
		assertThat(plan.leaving()).isTrue();
		assertThat(plan.firstReady()).isEqualTo(ready);
		CareReadiness missing = plan.reserves()
			.stream()
			.filter(r -> r.volunteer().getId() == notReady)
			.findFirst()
			.orElseThrow();
		assertThat(missing.ready()).isFalse();
		assertThat(missing.missing()).isNotEmpty()
			.containsAnyOf("handover.missing.screening", "handover.missing.training", "handover.missing.oath");

		// the reserve who is not ready: refused, nothing changed
		assertThatThrownBy(() -> this.handovers.handOver(mother.getId(), Map.of(first, notReady), "搬到外地", this.staff))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("handover.reserve.notReady");
		// no reason for a mother still serving: refused too
		assertThatThrownBy(() -> this.handovers.handOver(mother.getId(), Map.of(first, ready), " ", this.staff))
			.hasMessage("handover.reason.required");
		// both at once: both said in one refusal
		assertThatThrownBy(() -> this.handovers.handOver(mother.getId(), Map.of(first, notReady), "", this.staff))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.violations()).extracting(RuleViolationException::messageKey)
						.containsExactly("handover.reserve.notReady", "handover.reason.required"));
		assertThat(status(mother.getId())).isEqualTo("ACTIVE");
		assertThat(activeChildrenOf(mother.getId())).containsExactlyInAnyOrder(first, second);

		Map<Long, Long> choice = new LinkedHashMap<>();
		choice.put(first, ready);
		choice.put(second, ready);
		assertThat(this.handovers.handOver(mother.getId(), choice, "随子女搬到太原", this.staff)).isEqualTo(2);

		assertThat(status(mother.getId())).isEqualTo("WITHDRAWN");
		assertThat(this.jdbc.queryForObject("select role || ' ' || status from volunteer where id = ?", String.class,
				ready))
			.isEqualTo("MOTHER ACTIVE");
		assertThat(activeChildrenOf(mother.getId())).isEmpty();
		assertThat(activeChildrenOf(ready)).containsExactlyInAnyOrder(first, second);
		assertThat(this.jdbc.queryForList("select end_reason from pairing where volunteer_id = ?", String.class,
				mother.getId()))
			.containsOnly("MOTHER_WITHDREW");
		assertThat(this.jdbc.queryForObject(
				"select handed_over_from from pairing where child_id = ? and end_date is null", Long.class, first))
			.isEqualTo(firstPairing.getId());
		// her page and the new mother's page both show the handover
		List<PairingView> oldHistory = this.pairings.historyOfMother(mother);
		assertThat(this.pairings.successorsOf(oldHistory)).hasSize(2)
			.allSatisfy((id, next) -> assertThat(next.getMother().getId()).isEqualTo(ready));
		Volunteer newMother = this.volunteers.get(ready, this.staff);
		assertThat(this.pairings.predecessorsOf(this.pairings.historyOfMother(newMother))).hasSize(2)
			.allSatisfy((id, previous) -> assertThat(previous.getMother().getId()).isEqualTo(mother.getId()));
		assertThat(this.jdbc.queryForObject(
				"select note from volunteer_status_change where volunteer_id = ? and to_role = 'MOTHER'", String.class,
				ready))
			.isEqualTo(mother.getName());
		assertThat(this.jdbc.queryForObject("select count(*) from volunteer_backing where reserve_id = ?", Long.class,
				ready))
			.isZero();
		assertThat(this.jdbc.queryForList(
				"select summary from audit_entry where record_type = 'VOLUNTEER' and record_id = ? order by id",
				String.class, mother.getId()))
			.anyMatch(summary -> summary.startsWith("handed over children"));
		assertThat(this.jdbc.queryForList(
				"select summary from audit_entry where record_type = 'VOLUNTEER' and record_id = ? order by id",
				String.class, ready))
			.anyMatch(summary -> summary.startsWith("took over children"))
			.anyMatch(summary -> summary.startsWith("reserve became a caring mother"));
	}

	@Test
	void aWithdrawnMothersWaitingChildrenGoToSeveralReservesWithinTheirCapacity() {
		Volunteer mother = freeMother(1);
		long first = unpairedChild(10);
		long second = unpairedChild(11);
		this.pairings.pair(first, mother, LocalDate.now().minusDays(60), this.staff);
		this.pairings.pair(second, mother, LocalDate.now().minusDays(60), this.staff);
		StatusChangeForm withdraw = StatusChangeForm.to(VolunteerStatus.WITHDRAWN);
		withdraw.setNote("外出务工");
		this.volunteers.changeStatus(mother.getId(), withdraw, this.staff);
		long one = readyReserve(1);
		long other = readyReserve(2);
		backedBy(mother, one, other);

		HandoverService.Plan plan = this.handovers.plan(mother.getId(), this.staff);
		assertThat(plan.leaving()).isFalse();
		assertThat(plan.pairings()).extracting(p -> p.getChild().getId()).containsExactlyInAnyOrder(first, second);

		// the federation allows one child per mother: two for one reserve is refused
		Long federation = this.jdbc.queryForObject("select federation_id from volunteer where id = ?", Long.class, one);
		Integer capacity = this.jdbc.queryForObject("select mother_capacity from federation where id = ?",
				Integer.class, federation);
		this.jdbc.update("update federation set mother_capacity = 1 where id = ?", federation);
		try {
			Map<Long, Long> both = new LinkedHashMap<>();
			both.put(first, one);
			both.put(second, one);
			assertThatThrownBy(() -> this.handovers.handOver(mother.getId(), both, null, this.staff))
				.hasMessage("handover.reserve.full");
			assertThat(activeChildrenOf(one)).isEmpty();
		}
		finally {
			this.jdbc.update("update federation set mother_capacity = ? where id = ?", capacity, federation);
		}

		Map<Long, Long> split = new LinkedHashMap<>();
		split.put(first, one);
		split.put(second, other);
		this.handovers.handOver(mother.getId(), split, null, this.staff);
		assertThat(activeChildrenOf(one)).containsExactly(first);
		assertThat(activeChildrenOf(other)).containsExactly(second);
		assertThat(this.handovers.plan(mother.getId(), this.staff).pairings()).isEmpty();
	}

	private void backedBy(Volunteer mother, long... reserves) {
		this.jdbc.update("delete from volunteer_backing where mother_id = ?", mother.getId());
		for (long reserve : reserves) {
			this.jdbc.update("insert into volunteer_backing (reserve_id, mother_id) values (?, ?)", reserve,
					mother.getId());
		}
	}

	private String status(long volunteer) {
		return this.jdbc.queryForObject("select status from volunteer where id = ?", String.class, volunteer);
	}

	private List<Long> activeChildrenOf(long volunteer) {
		return this.jdbc.queryForList("select child_id from pairing where volunteer_id = ? and end_date is null",
				Long.class, volunteer);
	}

	/** A reserve of 娄烦县 who is active, screened, sworn in and trained enough. */
	private long readyReserve(int index) {
		return this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.role = 'RESERVE' and v.status = 'ACTIVE' and v.oath_date is not null
				  and f.path like (select path || '%' from federation where code = '140123')
				  and (select coalesce(sum(t.hours), 0) from volunteer_training t where t.volunteer_id = v.id) >= 2
				order by v.id offset ? limit 1""", Long.class, index);
	}

	/** A reserve of 娄烦县 who has not yet been screened, trained or sworn in. */
	private long notReadyReserve() {
		return this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.role = 'RESERVE' and v.status in ('APPLIED', 'SCREENED', 'TRAINED')
				  and f.path like (select path || '%' from federation where code = '140123')
				order by v.id limit 1""", Long.class);
	}

	/** An active child of 娄烦县 without any pairing, a different one for each index. */
	private long unpairedChild(int index) {
		return this.jdbc.queryForObject("""
				select c.id from child c join federation f on f.id = c.federation_id
				where c.status = 'ACTIVE' and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.child_id = c.id)
				order by c.id desc offset ? limit 1""", Long.class, index);
	}

	/** An active mother of 娄烦县 without any pairing yet. */
	private Volunteer freeMother(int index) {
		long id = this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.status = 'ACTIVE' and v.role = 'MOTHER'
				  and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.volunteer_id = v.id)
				order by v.id desc offset ? limit 1""", Long.class, index);
		return this.volunteers.get(id, this.staff);
	}

}
