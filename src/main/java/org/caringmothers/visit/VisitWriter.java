package org.caringmothers.visit;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.need.NeedService;
import org.caringmothers.pairing.PairingView;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a contact with everything that comes with it in one transaction of its own: the
 * contact and its photos, its audit entry and a need raised on it are kept together or
 * not at all (so that the same form sent again records them all), and a duplicate can be
 * recognised after the transaction fails.
 */
@Component
@RequiredArgsConstructor
class VisitWriter {

	private final VisitRepository visits;

	private final VisitPhotoRepository photos;

	private final PhotoStore store;

	private final AuditService audit;

	private final NeedService needs;

	/** The contact, its photos, its audit entry and its need: together or not at all. */
	@Transactional
	public Visit log(PairingView pairing, VisitForm form, CurrentUser author) {
		Visit visit = new Visit(pairing.getId(), pairing.getFederation(), author.id(), form.getClientToken());
		visit.fill(form.toParameters());
		visit = this.visits.saveAndFlush(visit);
		for (org.springframework.web.multipart.MultipartFile upload : PhotoStore.chosen(form.getPhotos())) {
			PhotoStore.Stored stored = this.store.store(upload);
			this.photos
				.save(new VisitPhoto(visit.getId(), stored.name(), stored.width(), stored.height(), stored.bytes()));
		}
		this.audit.record(AuditAction.CREATE, VisitService.RECORD, visit.getId(),
				"child " + pairing.getChild().getId());
		if (form.hasNeed()) {
			this.needs.raiseOnContact(pairing.getChild(), visit.getId(), form.need(),
					form.getChildMood() == ChildMood.WORRYING, author);
		}
		return visit;
	}

}
