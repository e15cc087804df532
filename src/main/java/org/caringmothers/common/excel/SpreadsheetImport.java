package org.caringmothers.common.excel;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import jakarta.servlet.http.HttpServletRequest;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Importing a register from its spreadsheet template. Every row is read into the
 * register's form and checked first — Bean Validation and the register's own rules, and
 * duplicates inside the file — in the background with visible progress; the user then
 * sees each bad row with its number and reasons, and chooses to import all good rows or
 * none. The import runs in one transaction: either every good row is registered or, if
 * anything fails, none is.
 *
 * @param <F> the register's form, one per row
 */
public abstract class SpreadsheetImport<F> {

	private static final Logger log = LoggerFactory.getLogger(SpreadsheetImport.class);

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
			DateTimeFormatter.ofPattern("yyyy-M-d"));

	/** What every import needs from the application. */
	public record Parts(ImportJobs jobs, TaskExecutor executor, TransactionTemplate transactions, Validator validator,
			MessageSource messages) {
	}

	private final Class<F> formType;

	private final List<String> headers;

	private final Map<String, String> headerOfField;

	private final Map<String, String> fieldOfHeader = new LinkedHashMap<>();

	private final Parts parts;

	/**
	 * @param headers the template's headers, in order
	 * @param fields the form field each header is read into, in the same order (for
	 * naming the column of a problem)
	 */
	protected SpreadsheetImport(Class<F> formType, List<String> headers, List<String> fields, Parts parts) {
		this.formType = formType;
		this.headers = headers;
		this.headerOfField = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			this.headerOfField.put(fields.get(i), headers.get(i));
			this.fieldOfHeader.put(headers.get(i), fields.get(i));
		}
		this.parts = parts;
	}

	public List<String> headers() {
		return this.headers;
	}

	/**
	 * What the template's example row starts with: a row whose first cell starts so is
	 * never imported, and the check says so.
	 */
	public static final String EXAMPLE_MARK = "【示例】";

	/** The template: the headers and one example row, marked. */
	public byte[] template() {
		List<Object> example = new ArrayList<>(exampleRow());
		example.set(0, EXAMPLE_MARK + example.get(0));
		return Spreadsheets.write(sheetName(), this.headers, List.of(example));
	}

	/**
	 * Reads the file at once (a file that is no spreadsheet or has other headers is
	 * refused here) and checks its rows in the background.
	 */
	public ImportJob<F> start(InputStream input, long size, CurrentUser user, Locale locale) throws IOException {
		if (!user.is(Role.ADMIN, Role.STAFF)) {
			throw new AccessDeniedException("Only staff and administrators import");
		}
		List<SheetRow> rows = Spreadsheets.read(input, size, this.headers);
		if (rows.isEmpty()) {
			throw new SpreadsheetException("import.file.noRows");
		}
		ImportJob<F> job = this.parts.jobs().create(this.formType, user, rows, locale, remoteAddress());
		this.parts.executor().execute(() -> check(job, rows));
		return job;
	}

	/** The user's own import job; 404 for anyone else's. */
	public ImportJob<F> job(String token, CurrentUser user) {
		return this.parts.jobs()
			.find(token, user, this.formType)
			.orElseThrow(() -> new NotFoundException("import " + token));
	}

	/** Imports every good row, in the background, all or nothing. */
	public void confirm(String token, CurrentUser user) {
		ImportJob<F> job = job(token, user);
		if (job.startImport()) {
			// The check may have run on another instance: the good rows are read again
			// from
			// the file's rows as stored, which gives the same forms.
			List<Integer> good = job.goodNumbers();
			for (SheetRow row : this.parts.jobs().rows(job)) {
				if (good.contains(row.number())) {
					addForm(job, row);
				}
			}
			this.parts.executor().execute(() -> importAll(job));
		}
	}

	private void addForm(ImportJob<F> job, SheetRow row) {
		job.restoreForm(row.number(), toForm(row, job.locale(), new ArrayList<>()));
	}

	public void cancel(String token, CurrentUser user) {
		this.parts.jobs().remove(job(token, user));
	}

	/** The sheet's name in the template. */
	protected abstract String sheetName();

	/** An example row for the template, one value per header. */
	protected abstract List<Object> exampleRow();

	/** Reads a row into the form; unreadable values are added to the problems. */
	protected abstract F toForm(SheetRow row, Locale locale, List<String> problems);

	/**
	 * The prefix of the message keys that name the template's columns in the user's
	 * language (the key ends with the column's field, {@code guardians[0].} read as
	 * {@code guardian.}); without it problems quote the template's header as it is.
	 */
	protected String columnKeyPrefix() {
		return null;
	}

	/** The register's own rules for a new record, without saving anything. */
	protected abstract void checkRules(F form, CurrentUser user);

	/** What makes a row the same person as another row of the file, or {@code null}. */
	protected abstract String identity(F form);

	/**
	 * What makes a row likely the same person as another row of the file even without an
	 * identity number (name, birth date, place, guardian), or {@code null}: the later row
	 * is refused with the earlier one's number.
	 */
	protected String likelyIdentity(F form) {
		return null;
	}

	/** Registers the rows inside the import's transaction, calling back after each. */
	protected abstract List<Long> registerAll(List<F> forms, CurrentUser user, IntConsumer onRow);

	/** Writes the audit entries of an import, inside its transaction. */
	protected abstract void audit(ImportJob<F> job, List<Long> ids);

	private void check(ImportJob<F> job, List<SheetRow> rows) {
		try {
			Set<String> identities = new HashSet<>();
			Map<String, Integer> likely = new java.util.HashMap<>();
			for (SheetRow row : rows) {
				if (row.get(this.headers.get(0)).startsWith(EXAMPLE_MARK)) {
					job.addBad(row.number(), List.of(message("import.row.example", null, job.locale())));
					job.step();
					continue;
				}
				List<String> problems = new ArrayList<>();
				F form = toForm(row, job.locale(), problems);
				if (problems.isEmpty()) {
					validate(form, job, problems);
				}
				String identity = identity(form);
				if (problems.isEmpty() && identity != null && !identities.add(identity)) {
					problems.add(message("import.row.duplicateInFile", null, job.locale()));
				}
				String likelyIdentity = problems.isEmpty() ? likelyIdentity(form) : null;
				if (likelyIdentity != null) {
					Integer first = likely.putIfAbsent(likelyIdentity, row.number());
					if (first != null) {
						problems.add(message("import.row.likelyDuplicateInFile", new Object[] { first }, job.locale()));
					}
				}
				if (problems.isEmpty()) {
					job.addGood(row.number(), form);
				}
				else {
					job.addBad(row.number(), problems);
				}
				job.step();
			}
			job.checked();
		}
		catch (RuntimeException ex) {
			log.error("Import check failed", ex);
			job.failed("import.failed", null);
		}
	}

	private void validate(F form, ImportJob<F> job, List<String> problems) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "form");
		this.parts.validator().validate(form, result);
		for (ObjectError error : result.getAllErrors()) {
			String column = error instanceof FieldError field ? column(field.getField(), job.locale()) : "";
			problems.add(column + this.parts.messages().getMessage(error, job.locale()));
		}
		if (problems.isEmpty()) {
			try {
				checkRules(form, job.user());
			}
			catch (RuleViolationException ex) {
				for (RuleViolationException broken : ex.violations()) {
					problems.add(describe(broken, job.locale()));
				}
			}
		}
	}

	private void importAll(ImportJob<F> job) {
		try {
			List<ImportJob.GoodRow<F>> rows = job.goodRows();
			Object[][] refused = new Object[1][];
			List<Long> ids = this.parts.transactions().execute(status -> {
				try {
					List<Long> created = registerAll(rows.stream().map(ImportJob.GoodRow::form).toList(), job.user(),
							index -> job.step());
					audit(job, created);
					return created;
				}
				catch (RuleViolationException ex) {
					status.setRollbackOnly();
					int row = rows.get(Math.min(job.getDone(), rows.size() - 1)).number();
					refused[0] = new Object[] { row, describe(ex, job.locale()) };
					return List.of();
				}
			});
			// the failure is recorded after the rollback, which would otherwise undo it
			// too
			if (refused[0] != null) {
				job.failed("import.failedAtRow", refused[0]);
			}
			else if (ids != null && !ids.isEmpty()) {
				job.imported(ids.size());
			}
		}
		catch (RuntimeException ex) {
			log.error("Import failed", ex);
			job.failed("import.failed", null);
		}
	}

	/** The enum constant a cell names, by its Chinese label or its code. */
	protected <E extends Enum<E>> E choice(SheetRow row, String header, Class<E> type, String prefix, Locale locale,
			List<String> problems) {
		String text = row.get(header);
		if (text.isEmpty()) {
			return null;
		}
		Map<String, E> labels = labels(type, prefix);
		E value = labels.get(text);
		for (E constant : type.getEnumConstants()) {
			if (value == null && constant.name().equalsIgnoreCase(text)) {
				value = constant;
			}
		}
		if (value == null) {
			problems.add(message("import.value.unknown",
					new Object[] { columnName(header, locale), text, String.join("、", labels.keySet()) }, locale));
		}
		return value;
	}

	/** The enum constants a cell names, several separated by 、 or commas. */
	protected <E extends Enum<E>> Set<E> choices(SheetRow row, String header, Class<E> type, String prefix,
			Locale locale, List<String> problems) {
		Set<E> chosen = EnumSet.noneOf(type);
		String text = row.get(header);
		if (text.isEmpty()) {
			return chosen;
		}
		Map<String, E> labels = labels(type, prefix);
		String remaining = text;
		for (Map.Entry<String, E> label : labels.entrySet()) {
			if (remaining.contains(label.getKey())) {
				chosen.add(label.getValue());
				remaining = remaining.replace(label.getKey(), "");
			}
		}
		if (!remaining.replaceAll("[、，,;；\\s]", "").isEmpty()) {
			problems.add(message("import.value.unknown",
					new Object[] { columnName(header, locale), text, String.join("、", labels.keySet()) }, locale));
		}
		return chosen;
	}

	/** The date a cell holds, in one of the formats people type. */
	protected LocalDate date(SheetRow row, String header, Locale locale, List<String> problems) {
		String text = row.get(header);
		if (text.isEmpty()) {
			return null;
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		problems.add(message("import.value.date", new Object[] { columnName(header, locale), text }, locale));
		return null;
	}

	private <E extends Enum<E>> Map<String, E> labels(Class<E> type, String prefix) {
		Map<String, E> labels = new LinkedHashMap<>();
		for (E constant : type.getEnumConstants()) {
			labels.put(this.parts.messages().getMessage(prefix + constant.name(), null, Locale.SIMPLIFIED_CHINESE),
					constant);
		}
		return labels;
	}

	private String describe(RuleViolationException ex, Locale locale) {
		return column(ex.field(), locale) + message(ex.messageKey(), ex.arguments(), locale);
	}

	private String column(String field, Locale locale) {
		String header = field == null ? null : this.headerOfField.get(field);
		return header == null ? "" : message("import.column", new Object[] { columnName(header, locale) }, locale);
	}

	/**
	 * A column as problems name it: in the user's language, with the template's own
	 * header where that differs, so that it can be found in the file ("Guardian's phone
	 * (监护人电话)").
	 */
	String columnName(String header, Locale locale) {
		String field = this.fieldOfHeader.get(header);
		if (field == null || columnKeyPrefix() == null) {
			return header;
		}
		String name = this.parts.messages()
			.getMessage(columnKeyPrefix() + field.replace("guardians[0].", "guardian."), null, header, locale);
		return name == null || name.equals(header) ? header
				: message("import.columnName", new Object[] { name, header }, locale);
	}

	private String message(String key, Object[] arguments, Locale locale) {
		try {
			return this.parts.messages().getMessage(key, arguments, locale);
		}
		catch (NoSuchMessageException ex) {
			return key;
		}
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
