package org.caringmothers.federation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/** Adds a 爱心妈妈工作站 to a federation. */
@Getter
@Setter
public class StationForm {

	@NotBlank
	@Size(max = 100)
	@PlainText
	private String name;

	@Size(max = 200)
	@PlainText
	private String address;

	@PastOrPresent
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate plaqueDate;

}
