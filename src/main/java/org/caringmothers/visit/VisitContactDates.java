package org.caringmothers.visit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.pairing.ContactDates;

import org.springframework.stereotype.Component;

/** The pairing module's care-gap rule reads the last contact dates from here. */
@Component
@RequiredArgsConstructor
class VisitContactDates implements ContactDates {

	private final VisitRepository visits;

	@Override
	public Map<Long, Last> of(Collection<Long> pairingIds) {
		Map<Long, Last> last = new HashMap<>();
		if (!pairingIds.isEmpty()) {
			for (Object[] row : this.visits.lastContacts(pairingIds)) {
				last.put((Long) row[0], new Last((LocalDate) row[1], (LocalDate) row[2]));
			}
		}
		return last;
	}

}
