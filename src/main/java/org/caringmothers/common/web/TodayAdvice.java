package org.caringmothers.common.web;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page knows today's date by the application's clock (ages, due dates, date
 * limits).
 */
@ControllerAdvice
@RequiredArgsConstructor
class TodayAdvice {

	private final Clock clock;

	@ModelAttribute("today")
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
