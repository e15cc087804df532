package org.caringmothers.volunteer;

import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;

/** Links a reserve volunteer to a caring mother she backs. */
@Getter
@Setter
public class BackingForm {

	@NotNull
	private Long motherId;

}
