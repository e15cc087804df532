package org.caringmothers.child;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.caringmothers.common.Gender;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.security.CurrentUser;
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
 * Finding a child by what staff have at hand (an ID number, a guardian's name or phone)
 * and the warning before the same child is registered twice, on real PostgreSQL.
 */
@SpringBootTest
class ChildFindingTests {

	private static final LocalDate BIRTH = LocalDate.of(2016, 7, 9);

	@Autowired
	ChildService children;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcTemplate jdbc;

	CurrentUser staff;

	CurrentUser otherCounty;

	@BeforeEach
	void setUp() {
		this.staff = (CurrentUser) this.userDetails.loadUserByUsername("loufan.staff");
		this.otherCounty = (CurrentUser) this.userDetails.loadUserByUsername("shenchi.staff");
	}

	@Test
	void aChildIsFoundByIdNumberGuardianNameAndGuardianPhoneWithinScopeOnly() {
		String unique = UUID.randomUUID().toString().substring(0, 4);
		String idNumber = IdNumbers
			.withCheckCharacter("140123" + "20160709" + String.format("%03d", (int) (Math.random() * 499) * 2 + 1));
		String phone = "139" + String.format("%08d", (long) (Math.random() * 99_999_999));
		ChildForm form = form("查找" + unique, "140123100", idNumber, "监护" + unique, phone);
		Child child = this.children.register(form, this.staff);

		assertThat(found(idNumber.toLowerCase(), this.staff)).containsExactly(child.getId());
		assertThat(found(" " + idNumber + " ", this.staff)).containsExactly(child.getId());
		assertThat(found("监护" + unique, this.staff)).containsExactly(child.getId());
		assertThat(found(phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7), this.staff))
			.containsExactly(child.getId());
		assertThat(found("查找" + unique, this.staff)).containsExactly(child.getId());
		// a part of the number is not enough, and no search reaches beyond the user's
		// subtree
		assertThat(found(idNumber.substring(0, 17), this.staff)).isEmpty();
		assertThat(found(idNumber, this.otherCounty)).isEmpty();
		assertThat(found(phone, this.otherCounty)).isEmpty();
		assertThat(found("监护" + unique, this.otherCounty)).isEmpty();
	}

	@Test
	void theSameChildWithoutIdNumberIsRegisteredTwiceOnlyAfterAnExplicitConfirmation() {
		String name = "重名" + UUID.randomUUID().toString().substring(0, 4);
		Child first = this.children.register(form(name, "140123100", null, "王奶奶", "13912345678"), this.staff);
		long before = count(name);

		// same name and birth date in a village of the same township: warned, nothing
		// saved
		String village = "140123100299";
		this.jdbc.update("""
				insert into federation (parent_id, level, code, name, path)
				select id, 'VILLAGE', ?, '重名测试村', '' from federation where code = '140123100'
				on conflict do nothing""", village);
		ChildForm again = form(name, village, null, "王奶奶", "13912345678");
		assertThatThrownBy(() -> this.children.register(again, this.staff)).isInstanceOf(RuleViolationException.class)
			.hasMessage("child.duplicate.likely")
			.satisfies(ex -> assertThat(((RuleViolationException) ex).field()).isEqualTo("confirmDuplicate"));
		assertThat(count(name)).isEqualTo(before);

		// the same guardian's phone under another spelling of her name is warned too;
		// other guardians (name and phone) tell the children apart
		ChildForm samePhone = form(name, "140123100", null, "王姥姥", "13912345678");
		assertThatThrownBy(() -> this.children.register(samePhone, this.staff))
			.isInstanceOf(RuleViolationException.class)
			.hasMessage("child.duplicate.likely");
		assertThat(count(name)).isEqualTo(before);
		this.children.register(form(name, "140123100", null, "赵外婆", "13600001111"), this.staff);
		assertThat(count(name)).isEqualTo(before + 1);
		before = count(name);

		// another township or another birth date is no warning
		this.children.register(form(name, "140123101", null, "李奶奶", "13912345679"), this.staff);
		ChildForm otherBirth = form(name, "140123100", null, "王奶奶", "13912345678");
		otherBirth.setBirthDate(BIRTH.minusDays(1));
		this.children.register(otherBirth, this.staff);

		// "仍然登记"
		again.setConfirmDuplicate(true);
		Child second = this.children.register(again, this.staff);
		assertThat(second.getId()).isNotEqualTo(first.getId());
		assertThat(count(name)).isEqualTo(before + 3);
	}

	@Test
	void theFilterTakesAFederationByNameWithinScopeAsWellAsByCode() {
		ChildFilter byName = new ChildFilter();
		byName.setFederationCode("娄烦镇");
		ChildFilter byLabel = new ChildFilter();
		byLabel.setFederationCode("娄烦镇（娄烦县）");
		ChildFilter byCode = new ChildFilter();
		byCode.setFederationCode("140123100");
		List<Long> named = this.children.list(byName, this.staff, PageRequest.of(0, 100))
			.map(Child::getId)
			.getContent();
		assertThat(named).isNotEmpty()
			.isEqualTo(this.children.list(byCode, this.staff, PageRequest.of(0, 100)).map(Child::getId).getContent())
			.isEqualTo(this.children.list(byLabel, this.staff, PageRequest.of(0, 100)).map(Child::getId).getContent());
		// a name outside the user's subtree or unknown finds nothing
		assertThat(this.children.list(byName, this.otherCounty, PageRequest.of(0, 10))).isEmpty();
		ChildFilter unknown = new ChildFilter();
		unknown.setFederationCode("没有这个镇");
		assertThat(this.children.list(unknown, this.staff, PageRequest.of(0, 10))).isEmpty();
	}

	private long count(String name) {
		return this.jdbc.queryForObject("select count(*) from child where name = ?", Long.class, name);
	}

	private List<Long> found(String q, CurrentUser user) {
		ChildFilter filter = new ChildFilter();
		filter.setQ(q);
		return this.children.list(filter, user, PageRequest.of(0, 20)).map(Child::getId).getContent();
	}

	private static ChildForm form(String name, String federationCode, String idNumber, String guardian, String phone) {
		ChildForm form = new ChildForm();
		form.setName(name);
		form.setGender(Gender.MALE);
		form.setBirthDate(BIRTH);
		form.setFederationCode(federationCode);
		form.setIdNumber(idNumber);
		form.setCategories(EnumSet.of(ChildCategory.LEFT_BEHIND));
		form.setParentsSituation(ParentsSituation.BOTH_AWAY);
		form.setRiskLevel(RiskLevel.LOW);
		form.setConsentDate(LocalDate.now().minusDays(1));
		form.setConsentBy(guardian);
		form.getGuardians().get(0).setName(guardian);
		form.getGuardians().get(0).setRelation(GuardianRelation.GRANDPARENT);
		form.getGuardians().get(0).setPhone(phone);
		return form;
	}

}
