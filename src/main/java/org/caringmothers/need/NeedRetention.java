package org.caringmothers.need;

import lombok.RequiredArgsConstructor;
import org.caringmothers.child.ChildAnonymised;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the free text of a child's needs when her record is anonymised (descriptions,
 * report actions, follow-up notes), in the same transaction; the needs stay with their
 * category, urgency, status, department and dates, so that the figures count the same.
 */
@Component
@RequiredArgsConstructor
class NeedRetention {

	private final NeedRepository needs;

	@EventListener
	@Transactional
	public void onChildAnonymised(ChildAnonymised event) {
		this.needs.clearStepNotesOfChild(event.childId());
		this.needs.clearTextsOfChild(event.childId());
	}

}
