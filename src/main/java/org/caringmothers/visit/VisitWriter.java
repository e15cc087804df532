package org.caringmothers.visit;

import java.time.Clock;

import lombok.RequiredArgsConstructor;
import org.caringmothers.pairing.Pairing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserts a contact in a transaction of its own, so that a duplicate can be recognised
 * after it fails.
 */
@Component
@RequiredArgsConstructor
class VisitWriter {

	private final VisitRepository visits;

	private final Clock clock;

	@Transactional
	public Visit insert(Pairing pairing, VisitForm form, long author) {
		Visit visit = new Visit(pairing, author, form.getClientToken());
		visit.fill(form);
		return this.visits.saveAndFlush(visit);
	}

}
