package org.caringmothers.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An event as a form hands it to the service: trimmed, training details only for a
 * training.
 */
record EventParameters(EventType type, String title, LocalDate eventDate, String place, int attendanceCount,
		BigDecimal hours, String trainer) {
}
