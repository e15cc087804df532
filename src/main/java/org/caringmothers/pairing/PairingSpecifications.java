package org.caringmothers.pairing;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.caringmothers.child.Child;

import org.springframework.data.jpa.domain.Specification;

/**
 * Conditions on children that only the pairing module can answer, for the child module's
 * scoped queries: the pairing rules stay here, the child table stays with its owner.
 */
final class PairingSpecifications {

	private PairingSpecifications() {
	}

	/** The child has no active pairing. */
	static Specification<Child> withoutActivePairing() {
		return (child, query, builder) -> {
			Subquery<Long> active = query.subquery(Long.class);
			Root<Pairing> pairing = active.from(Pairing.class);
			active.select(pairing.get("id"))
				.where(builder.equal(pairing.get("childId"), child.get("id")), builder.isNull(pairing.get("endDate")));
			return builder.not(builder.exists(active));
		};
	}

	/** The child's most recently ended pairing ended because the mother withdrew. */
	static Specification<Child> lastMotherWithdrew() {
		return (child, query, builder) -> {
			Subquery<java.time.LocalDate> lastEnd = query.subquery(java.time.LocalDate.class);
			Root<Pairing> any = lastEnd.from(Pairing.class);
			lastEnd.select(builder.greatest(any.<java.time.LocalDate>get("endDate")))
				.where(builder.equal(any.get("childId"), child.get("id")));
			Subquery<Long> withdrew = query.subquery(Long.class);
			Root<Pairing> pairing = withdrew.from(Pairing.class);
			withdrew.select(pairing.get("id"))
				.where(builder.equal(pairing.get("childId"), child.get("id")),
						builder.equal(pairing.get("endReason"), PairingEndReason.MOTHER_WITHDREW),
						builder.equal(pairing.get("endDate"), lastEnd));
			return builder.exists(withdrew);
		};
	}

	/** The child carries the category, if one is given. */
	static Specification<Child> inCategory(org.caringmothers.child.ChildCategory category) {
		return (child, query, builder) -> category == null ? builder.conjunction()
				: builder.isMember(category, child.get("categories"));
	}

	/** The child has the risk level, if one is given. */
	static Specification<Child> atRisk(org.caringmothers.child.RiskLevel risk) {
		return (child, query, builder) -> risk == null ? builder.conjunction()
				: builder.equal(child.get("riskLevel"), risk);
	}

	/**
	 * Orders the waiting children: the highest risk first ({@code risk}), the longest
	 * waiting first ({@code waiting}: since the last pairing ended, or since registration
	 * for a child never paired), or by name; name and id break ties. The count query is
	 * left unordered.
	 */
	static Specification<Child> ordered(UnpairedFilter.Order order) {
		return (child, query, builder) -> {
			if (query.getResultType() != Long.class && query.getResultType() != long.class) {
				java.util.List<jakarta.persistence.criteria.Order> orders = new java.util.ArrayList<>();
				if (order == UnpairedFilter.Order.RISK) {
					orders.add(builder.asc(builder.selectCase()
						.when(builder.equal(child.get("riskLevel"), org.caringmothers.child.RiskLevel.HIGH), 0)
						.when(builder.equal(child.get("riskLevel"), org.caringmothers.child.RiskLevel.MEDIUM), 1)
						.otherwise(2)));
				}
				else if (order == UnpairedFilter.Order.WAITING) {
					Subquery<java.time.LocalDate> lastEnd = query.subquery(java.time.LocalDate.class);
					Root<Pairing> any = lastEnd.from(Pairing.class);
					lastEnd.select(builder.greatest(any.<java.time.LocalDate>get("endDate")))
						.where(builder.equal(any.get("childId"), child.get("id")));
					orders.add(builder.asc(builder.coalesce(lastEnd,
							child.<java.time.Instant>get("createdAt").as(java.time.LocalDate.class))));
				}
				orders.add(builder.asc(child.get("name")));
				orders.add(builder.asc(child.get("id")));
				query.orderBy(orders);
			}
			return builder.conjunction();
		};
	}

}
