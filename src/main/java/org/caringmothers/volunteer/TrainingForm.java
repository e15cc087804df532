package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/** Records a training session a volunteer attended. */
@Getter
@Setter
public class TrainingForm {

	@NotNull
	@PastOrPresent
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate trainingDate;

	@NotBlank
	@Size(max = 100)
	@PlainText
	private String topic;

	@NotNull
	@DecimalMin(value = "0.5", message = "{volunteer.training.hours.range}")
	@DecimalMax(value = "24", message = "{volunteer.training.hours.range}")
	@Digits(integer = 2, fraction = 1, message = "{volunteer.training.hours.range}")
	private BigDecimal hours;

	@NotBlank
	@Size(max = 40)
	@PlainText
	private String trainer;

	public TrainingParameters toParameters() {
		return new TrainingParameters(this.trainingDate, this.topic, this.hours, this.trainer);
	}

}
