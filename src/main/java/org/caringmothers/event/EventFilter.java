package org.caringmothers.event;

import java.time.LocalDate;

import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.web.Filters;

import org.springframework.format.annotation.DateTimeFormat;

/** The event list's filters, bound from the query string. */
@Getter
@Setter
public class EventFilter {

	private EventType type;

	/** A federation's division code: its events and those of the federations below it. */
	private String federationCode;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	EventFilter withoutType() {
		return Filters.without(this, "type");
	}

}
