package org.caringmothers.pairing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.caringmothers.child.ChildCategory;
import org.caringmothers.pairing.MatchingOrder.Candidate;
import org.caringmothers.pairing.MatchingOrder.Nearness;
import org.caringmothers.volunteer.Skill;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingOrderTests {

	@Test
	void nearestFirstThenSpareCapacityThenSkills() {
		Candidate villageFull = new Candidate(1, "甲", Nearness.SAME_VILLAGE, 0, Set.of());
		Candidate villageOne = new Candidate(2, "乙", Nearness.SAME_VILLAGE, 1, Set.of());
		Candidate townshipThree = new Candidate(3, "丙", Nearness.SAME_TOWNSHIP, 3, Set.of(Skill.PSYCHOLOGIST));
		Candidate townshipThreeNoSkill = new Candidate(4, "丁", Nearness.SAME_TOWNSHIP, 3, Set.of());
		Candidate townshipTwo = new Candidate(5, "戊", Nearness.SAME_TOWNSHIP, 2, Set.of(Skill.TEACHER, Skill.DOCTOR));
		Candidate county = new Candidate(6, "己", Nearness.SAME_COUNTY, 3, Set.of(Skill.TEACHER, Skill.PSYCHOLOGIST));
		List<Candidate> ranked = MatchingOrder
			.rank(List.of(county, townshipTwo, villageFull, townshipThreeNoSkill, townshipThree, villageOne));
		assertThat(ranked).extracting(Candidate::motherId).containsExactly(2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void nearnessComesFromTheSharedPartOfTheTwoLineages() {
		long[] childInVillage = { 1, 2, 3, 40, 500 };
		assertThat(MatchingOrder.nearness(childInVillage, new long[] { 1, 2, 3, 40, 500 }))
			.isEqualTo(Nearness.SAME_VILLAGE);
		assertThat(MatchingOrder.nearness(childInVillage, new long[] { 1, 2, 3, 40, 501 }))
			.isEqualTo(Nearness.SAME_TOWNSHIP);
		assertThat(MatchingOrder.nearness(childInVillage, new long[] { 1, 2, 3, 40 }))
			.isEqualTo(Nearness.SAME_TOWNSHIP);
		assertThat(MatchingOrder.nearness(childInVillage, new long[] { 1, 2, 3, 41 })).isEqualTo(Nearness.SAME_COUNTY);
		assertThat(MatchingOrder.nearness(childInVillage, new long[] { 1, 2, 3 })).isEqualTo(Nearness.SAME_COUNTY);
		assertThat(MatchingOrder.nearness(childInVillage, new long[] { 1, 2, 4, 60 })).isEqualTo(Nearness.FURTHER);
	}

	@Test
	void skillsThatFitTheChildsCategories() {
		assertThat(MatchingOrder.helpfulSkills(EnumSet.of(ChildCategory.LEFT_BEHIND, ChildCategory.DISABILITY),
				EnumSet.of(Skill.TEACHER, Skill.NURSE, Skill.LAWYER)))
			.containsExactlyInAnyOrder(Skill.TEACHER, Skill.NURSE);
		assertThat(MatchingOrder.helpfulSkills(EnumSet.of(ChildCategory.GUARDIANSHIP_RISK), EnumSet.of(Skill.TEACHER)))
			.isEmpty();
	}

}
