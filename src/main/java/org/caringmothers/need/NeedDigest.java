package org.caringmothers.need;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.caringmothers.child.Child;

/**
 * The needs a staff member's home names: the safety concerns waiting for their action,
 * and the first of the needs open longer than their urgency allows with how many there
 * are.
 */
public record NeedDigest(List<NeedLine> pendingReports, List<NeedLine> pastDue, long pastDueCount) {

	/**
	 * The needs of a digest before their children are looked up
	 * ({@code NeedService#digestNeeds}): the caller looks up {@link #childIds()} together
	 * with other children it needs, in one query, and completes the digest with them
	 * ({@link #withChildren}).
	 */
	public record Needs(List<Need> pendingReports, List<Need> pastDue, long pastDueCount) {

		/** The ids of the children of these needs. */
		public Set<Long> childIds() {
			return Stream.of(this.pendingReports, this.pastDue)
				.flatMap(Collection::stream)
				.map(Need::getChildId)
				.collect(Collectors.toSet());
		}

		/**
		 * The digest, each need with its child from this map (of {@link #childIds()}).
		 */
		public NeedDigest withChildren(Map<Long, Child> children) {
			return new NeedDigest(lines(this.pendingReports, children), lines(this.pastDue, children),
					this.pastDueCount);
		}

		private static List<NeedLine> lines(List<Need> needs, Map<Long, Child> children) {
			return needs.stream().map(need -> new NeedLine(need, children.get(need.getChildId()))).toList();
		}

	}

}
