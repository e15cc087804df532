package org.caringmothers.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.caringmothers.federation.Scope;

import org.springframework.data.domain.Pageable;

/** The staff home's digest of needs open longer than their urgency allows. */
interface PastDueNeeds {

	/**
	 * Open needs in the scope raised before their urgency's time limit, oldest first,
	 * each row [need (with child and federation), how many there are in all]: one
	 * statement whether the page is full or not (the child's categories, which no digest
	 * line shows, are left out as in the other lists).
	 * @param raisedBefore for each urgency, the moment before which a need of that
	 * urgency is past due
	 */
	List<Object[]> pastDue(Scope scope, Map<Urgency, Instant> raisedBefore, Pageable pageable);

}
