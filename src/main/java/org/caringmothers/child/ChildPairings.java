package org.caringmothers.child;

import java.util.Collection;
import java.util.Set;

import org.springframework.data.jpa.domain.Specification;

/**
 * What the child module needs to know about pairings, answered by the pairing module
 * (which depends on this one, never the other way round): the child's table holds no copy
 * of it and no query here reads the pairing table.
 */
public interface ChildPairings {

	/** Children with ({@code true}) or without ({@code false}) an active pairing. */
	Specification<Child> paired(boolean paired);

	/** Which of these children have an active pairing. */
	Set<Long> pairedAmong(Collection<Long> childIds);

}
