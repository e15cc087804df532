package org.caringmothers.visit;

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

	private final VisitPhotoRepository photos;

	private final PhotoStore store;

	/** The contact and its photos, together or not at all. */
	@Transactional
	public Visit insert(Pairing pairing, VisitForm form, long author) {
		Visit visit = new Visit(pairing, author, form.getClientToken());
		visit.fill(form);
		visit = this.visits.saveAndFlush(visit);
		for (org.springframework.web.multipart.MultipartFile upload : PhotoStore.chosen(form.getPhotos())) {
			PhotoStore.Stored stored = this.store.store(upload);
			this.photos
				.save(new VisitPhoto(visit.getId(), stored.name(), stored.width(), stored.height(), stored.bytes()));
		}
		return visit;
	}

}
