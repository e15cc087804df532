package org.caringmothers.visit;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** 慰问品: what was given on a contact and its value in yuan. */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Gift {

	private String item;

	@Column(name = "value_yuan")
	private BigDecimal value;

	Gift(String item, BigDecimal value) {
		this.item = item;
		this.value = value;
	}

}
