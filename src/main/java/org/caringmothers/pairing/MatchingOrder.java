package org.caringmothers.pairing;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.caringmothers.child.ChildCategory;
import org.caringmothers.volunteer.Skill;

/**
 * The order in which caring mothers are proposed for a child: nearest first (same
 * village, then township, then county), then most spare capacity, then skills that fit
 * the child's categories, then name.
 */
public final class MatchingOrder {

	/** Which professional skills help a child of each category. */
	static final Map<ChildCategory, Set<Skill>> HELPFUL_SKILLS = Map.of(ChildCategory.LEFT_BEHIND,
			EnumSet.of(Skill.PSYCHOLOGIST, Skill.FAMILY_EDUCATOR, Skill.TEACHER), ChildCategory.ORPHAN,
			EnumSet.of(Skill.PSYCHOLOGIST, Skill.SOCIAL_WORKER), ChildCategory.DE_FACTO_UNSUPPORTED,
			EnumSet.of(Skill.SOCIAL_WORKER, Skill.PSYCHOLOGIST, Skill.LAWYER), ChildCategory.POVERTY,
			EnumSet.of(Skill.SOCIAL_WORKER), ChildCategory.DISABILITY, EnumSet.of(Skill.DOCTOR, Skill.NURSE),
			ChildCategory.SERIOUS_ILLNESS, EnumSet.of(Skill.DOCTOR, Skill.NURSE), ChildCategory.GUARDIANSHIP_RISK,
			EnumSet.of(Skill.LAWYER, Skill.SOCIAL_WORKER));

	/** How near a mother lives to the child. */
	public enum Nearness {

		SAME_VILLAGE, SAME_TOWNSHIP, SAME_COUNTY, FURTHER

	}

	/**
	 * One candidate mother as the matching sees her.
	 *
	 * @param motherId the volunteer
	 * @param name her name, the last tie-breaker
	 * @param nearness how near she lives
	 * @param spare how many more children she may take
	 * @param helpfulSkills her skills that fit the child
	 */
	public record Candidate(long motherId, String name, Nearness nearness, int spare, Set<Skill> helpfulSkills) {
	}

	static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::nearness)
		.thenComparing(Comparator.comparingInt(Candidate::spare).reversed())
		.thenComparing(Comparator.comparingInt((Candidate candidate) -> candidate.helpfulSkills().size()).reversed())
		.thenComparing(Candidate::name);

	private MatchingOrder() {
	}

	/** Candidates best first; those without spare capacity are left out. */
	public static List<Candidate> rank(List<Candidate> candidates) {
		return candidates.stream().filter(candidate -> candidate.spare() > 0).sorted(ORDER).toList();
	}

	/**
	 * Nearness from the two federations' lineages (ids from the province down): sharing
	 * five levels is the same village, four the same township, three the same county.
	 */
	public static Nearness nearness(long[] childLineage, long[] motherLineage) {
		int common = 0;
		while (common < childLineage.length && common < motherLineage.length
				&& childLineage[common] == motherLineage[common]) {
			common++;
		}
		if (common >= 5) {
			return Nearness.SAME_VILLAGE;
		}
		if (common == 4) {
			return Nearness.SAME_TOWNSHIP;
		}
		return common == 3 ? Nearness.SAME_COUNTY : Nearness.FURTHER;
	}

	/** The mother's skills that help a child of these categories. */
	public static Set<Skill> helpfulSkills(Set<ChildCategory> categories, Set<Skill> skills) {
		Set<Skill> helpful = EnumSet.noneOf(Skill.class);
		for (ChildCategory category : categories) {
			for (Skill skill : HELPFUL_SKILLS.getOrDefault(category, Set.of())) {
				if (skills.contains(skill)) {
					helpful.add(skill);
				}
			}
		}
		return helpful;
	}

}
