package org.caringmothers.child;

import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.privacy.PhoneNumbers;
import org.caringmothers.common.validation.PlainText;

/** One guardian row of the child form; empty rows are ignored. */
@Getter
@Setter
public class GuardianForm {

	@Size(max = 40)
	@PlainText
	private String name;

	private GuardianRelation relation;

	@Size(max = 20)
	private String phone;

	boolean isFilled() {
		return (this.name != null && !this.name.isBlank()) || this.relation != null
				|| (this.phone != null && !this.phone.isBlank());
	}

	String normalisedPhone() {
		return PhoneNumbers.normalise(this.phone);
	}

	static GuardianForm of(Guardian guardian) {
		GuardianForm form = new GuardianForm();
		form.setName(guardian.getName());
		form.setRelation(guardian.getRelation());
		return form;
	}

}
