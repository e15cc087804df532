package org.caringmothers.common.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * A form of a record that belongs to a federation (a child, a volunteer, an event, an
 * account): the federation is named by its division code and checked against the user's
 * scope by the service.
 */
@Getter
@Setter
public abstract class RecordForm extends VersionedForm {

	@NotBlank
	@Size(max = 80)
	private String federationCode;

}
