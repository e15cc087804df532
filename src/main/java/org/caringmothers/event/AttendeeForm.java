package org.caringmothers.event;

import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;

/** Adds a volunteer, found by the search on the event's page, to its attendance. */
@Getter
@Setter
public class AttendeeForm {

	@NotNull
	private Long volunteerId;

}
