package org.caringmothers.federation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;
import org.caringmothers.common.web.VersionedForm;

/** Adds a township or village under a federation, or renames and brands one. */
@Getter
@Setter
public class FederationForm extends VersionedForm {

	/** Division code; only used when a federation is added. */
	@Size(max = 12)
	private String code;

	@NotBlank
	@Size(max = 64)
	@PlainText
	private String name;

	@Size(max = 64)
	@PlainText
	private String programmeName;

	@Min(1)
	@Max(10)
	private Integer motherCapacity;

	@Min(7)
	@Max(120)
	private Integer contactDays;

	@Min(14)
	@Max(365)
	private Integer homeVisitDays;

	public static FederationForm of(Federation federation) {
		FederationForm form = new FederationForm();
		form.setCode(federation.getCode());
		form.setName(federation.getName());
		form.setProgrammeName(federation.getProgrammeName());
		form.setMotherCapacity(federation.getMotherCapacity());
		form.setContactDays(federation.getContactDays());
		form.setHomeVisitDays(federation.getHomeVisitDays());
		form.setVersion(federation.getVersion());
		return form;
	}

}
