package org.caringmothers.common.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.Gender;
import org.caringmothers.common.validation.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/** The fields every form about a person (a child, a volunteer) starts with. */
@Getter
@Setter
public abstract class PersonForm extends RecordForm {

	@NotBlank
	@Size(max = 40)
	@PlainText
	private String name;

	@NotNull
	private Gender gender;

	@NotNull
	@Past
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate birthDate;

}
