package org.caringmothers.visit;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;

/** One gift row of the contact form; an empty row is ignored. */
@Getter
@Setter
public class GiftForm {

	@Size(max = 40)
	@PlainText
	private String item;

	@DecimalMin("0")
	@DecimalMax("100000")
	private BigDecimal value;

	boolean isFilled() {
		return (this.item != null && !this.item.isBlank()) || this.value != null;
	}

}
