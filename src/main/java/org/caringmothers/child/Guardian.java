package org.caringmothers.child;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.privacy.Masking;

/** 监护人: often a grandparent, with a phone number that is shown masked. */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Guardian {

	private String name;

	@Enumerated(EnumType.STRING)
	private GuardianRelation relation;

	private String phone;

	/** The phone as shown on every page: {@code 138****5678}. */
	public String getMaskedPhone() {
		return Masking.phone(this.phone);
	}

	Guardian(String name, GuardianRelation relation, String phone) {
		this.name = name;
		this.relation = relation;
		this.phone = phone;
	}

}
