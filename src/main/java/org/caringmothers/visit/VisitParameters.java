package org.caringmothers.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A contact as a form hands it to the service: trimmed, with only the filled gift rows.
 */
record VisitParameters(LocalDate visitDate, ContactMode mode, Integer durationMinutes, ChildMood childMood,
		String notes, Set<CareType> careTypes, List<GiftParameters> gifts) {

	record GiftParameters(String item, BigDecimal value) {
	}

}
