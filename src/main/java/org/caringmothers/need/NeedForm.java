package org.caringmothers.need;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;

/** Raises a need for a child. */
@Getter
@Setter
public class NeedForm {

	@NotNull
	private NeedCategory category;

	@NotNull
	private Urgency urgency;

	@NotBlank
	@Size(max = 500)
	@PlainText
	private String description;

}
