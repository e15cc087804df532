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
				.where(builder.equal(pairing.get("child"), child), builder.isNull(pairing.get("endDate")));
			return builder.not(builder.exists(active));
		};
	}

	/** The child's most recently ended pairing ended because the mother withdrew. */
	static Specification<Child> lastMotherWithdrew() {
		return (child, query, builder) -> {
			Subquery<java.time.LocalDate> lastEnd = query.subquery(java.time.LocalDate.class);
			Root<Pairing> any = lastEnd.from(Pairing.class);
			lastEnd.select(builder.greatest(any.<java.time.LocalDate>get("endDate")))
				.where(builder.equal(any.get("child"), child));
			Subquery<Long> withdrew = query.subquery(Long.class);
			Root<Pairing> pairing = withdrew.from(Pairing.class);
			withdrew.select(pairing.get("id"))
				.where(builder.equal(pairing.get("child"), child),
						builder.equal(pairing.get("endReason"), PairingEndReason.MOTHER_WITHDREW),
						builder.equal(pairing.get("endDate"), lastEnd));
			return builder.exists(withdrew);
		};
	}

}
