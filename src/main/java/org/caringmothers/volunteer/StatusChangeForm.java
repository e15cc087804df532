package org.caringmothers.volunteer;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * One step of a volunteer's lifecycle: the target status and what that step needs (the
 * three screening checks, the oath date, a reason to suspend or withdraw).
 */
@Getter
@Setter
public class StatusChangeForm {

	@NotNull
	private VolunteerStatus to;

	private boolean interviewDone;

	private boolean referencesChecked;

	private boolean noCriminalRecord;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate oathDate;

	@Size(max = 200)
	@PlainText
	private String note;

	public static StatusChangeForm to(VolunteerStatus status) {
		StatusChangeForm form = new StatusChangeForm();
		form.setTo(status);
		return form;
	}

}
