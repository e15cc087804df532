package org.caringmothers.common.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binding rules of every form: a record's id comes from the path, never from the
 * submitted fields.
 */
@ControllerAdvice
class FormBinding {

	@InitBinder
	void disallowId(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

}
