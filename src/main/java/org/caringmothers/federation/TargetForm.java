package org.caringmothers.federation;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import lombok.Getter;
import lombok.Setter;

/** The targets of every federation directly below one federation, for one year. */
@Getter
@Setter
public class TargetForm {

	@Valid
	private List<TargetLine> lines = new ArrayList<>();

}
