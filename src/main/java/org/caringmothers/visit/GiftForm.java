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

	@DecimalMin(value = "0", message = "{visit.gift.value.range}")
	@DecimalMax(value = "100000", message = "{visit.gift.value.range}")
	private BigDecimal value;

	boolean isFilled() {
		return (this.item != null && !this.item.isBlank()) || this.value != null;
	}

}
