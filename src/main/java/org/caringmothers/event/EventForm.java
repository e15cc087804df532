package org.caringmothers.event;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;
import org.caringmothers.common.web.RecordForm;

import org.springframework.format.annotation.DateTimeFormat;

import static org.caringmothers.common.validation.Texts.trimToNull;

/**
 * Creates or edits an event. Hours and trainer belong to trainings only; other kinds of
 * event ignore them.
 */
@Getter
@Setter
public class EventForm extends RecordForm {

	@NotNull
	private EventType type;

	@NotBlank
	@Size(max = 100)
	@PlainText
	private String title;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate eventDate;

	@Size(max = 100)
	@PlainText
	private String place;

	@NotNull
	@Min(0)
	@Max(100000)
	private Integer attendanceCount = 0;

	@DecimalMin(value = "0.5", message = "{volunteer.training.hours.range}")
	@DecimalMax(value = "24", message = "{volunteer.training.hours.range}")
	@Digits(integer = 2, fraction = 1, message = "{volunteer.training.hours.range}")
	private BigDecimal hours;

	@Size(max = 40)
	@PlainText
	private String trainer;

	public static EventForm of(Event event) {
		EventForm form = new EventForm();
		form.setType(event.getType());
		form.setTitle(event.getTitle());
		form.setEventDate(event.getEventDate());
		form.setFederationCode(event.getFederation().getCode());
		form.setPlace(event.getPlace());
		form.setAttendanceCount(event.getAttendanceCount());
		form.setHours(event.getHours());
		form.setTrainer(event.getTrainer());
		form.setVersion(event.getVersion());
		return form;
	}

	/** What the service hands to the event; training details only for a training. */
	EventParameters toParameters() {
		boolean training = this.type == EventType.TRAINING;
		return new EventParameters(this.type, this.title.trim(), this.eventDate, trimToNull(this.place),
				this.attendanceCount, training ? this.hours : null, training ? trimToNull(this.trainer) : null);
	}

}
