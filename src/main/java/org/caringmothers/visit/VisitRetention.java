package org.caringmothers.visit;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.caringmothers.child.ChildAnonymised;
import org.caringmothers.pairing.PairingService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Erases what the contacts hold about a child whose record is anonymised: their notes and
 * review comments are cleared and their photos deleted (the rows in the transaction that
 * anonymises the child, the stored bytes once it commits). The contacts themselves stay,
 * with their dates, modes, durations, care types and gifts, so that the figures count the
 * same.
 */
@Component
@RequiredArgsConstructor
class VisitRetention {

	private final PairingService pairings;

	private final VisitRepository visits;

	private final VisitPhotoRepository photos;

	private final PhotoStore store;

	@EventListener
	@Transactional
	public void onChildAnonymised(ChildAnonymised event) {
		List<Long> pairingIds = this.pairings.idsOfChild(event.childId());
		if (pairingIds.isEmpty()) {
			return;
		}
		List<Long> visitIds = this.visits.idsOfPairings(pairingIds);
		if (visitIds.isEmpty()) {
			return;
		}
		this.visits.clearTexts(visitIds);
		List<VisitPhoto> gone = this.photos.findByVisitIdInOrderById(visitIds);
		if (gone.isEmpty()) {
			return;
		}
		List<String> files = gone.stream().map(VisitPhoto::getStoredName).toList();
		this.photos.deleteAllInBatch(gone);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				files.forEach(VisitRetention.this.store::delete);
			}
		});
	}

}
