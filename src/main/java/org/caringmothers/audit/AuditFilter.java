package org.caringmothers.audit;

import java.time.LocalDate;

import lombok.Getter;
import lombok.Setter;

import org.springframework.format.annotation.DateTimeFormat;

/** Filters of the audit page. */
@Getter
@Setter
public class AuditFilter {

	private String username;

	private String recordType;

	private Long recordId;

	private AuditAction action;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

}
