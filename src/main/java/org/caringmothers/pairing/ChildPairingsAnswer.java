package org.caringmothers.pairing;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.caringmothers.child.Child;
import org.caringmothers.child.ChildPairings;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The pairing module's answer to what the child module asks about pairings. */
@Component
@RequiredArgsConstructor
@Transactional(readOnly = true)
class ChildPairingsAnswer implements ChildPairings {

	private final PairingRepository pairings;

	@Override
	public Specification<Child> paired(boolean paired) {
		Specification<Child> without = PairingSpecifications.withoutActivePairing();
		return paired ? Specification.not(without) : without;
	}

	@Override
	public Set<Long> pairedAmong(Collection<Long> childIds) {
		return new HashSet<>(this.pairings.activeChildIdsAmong(childIds));
	}

}
