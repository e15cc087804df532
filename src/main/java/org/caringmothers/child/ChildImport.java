package org.caringmothers.child;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.Gender;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.excel.ImportJob;
import org.caringmothers.common.excel.ImportJobs;
import org.caringmothers.common.excel.SheetRow;
import org.caringmothers.common.excel.SpreadsheetException;
import org.caringmothers.common.excel.Spreadsheets;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;

/**
 * Importing children from the spreadsheet template. Every row is checked first, in the
 * background with visible progress; the user then sees each bad row with its number and
 * reasons, and chooses to import all good rows or none. The import runs in one
 * transaction: either every good row is registered or, if anything fails, none is.
 */
@Service
@RequiredArgsConstructor
public class ChildImport {

	/** The template's headers, in order; the sheet must have exactly these. */
	public static final List<String> HEADERS = List.of("姓名", "性别", "出生日期", "身份证号", "儿童类别", "父母情况", "父母务工地点", "学校", "年级",
			"所属乡镇或村区划代码", "家庭住址", "监护人姓名", "与儿童关系", "监护人电话", "健康或残疾情况", "风险等级", "同意日期", "同意的监护人", "同意范围");

	private static final Map<String, String> FIELD_OF_HEADER = new HashMap<>();

	static {
		String[] fields = { "name", "gender", "birthDate", "idNumber", "categories", "parentsSituation",
				"parentsWorkPlace", "school", "grade", "federationCode", "address", "guardians[0].name",
				"guardians[0].relation", "guardians[0].phone", "healthNotes", "riskLevel", "consentDate", "consentBy",
				"consentScope" };
		for (int i = 0; i < fields.length; i++) {
			FIELD_OF_HEADER.put(fields[i], HEADERS.get(i));
		}
	}

	private static final Logger log = LoggerFactory.getLogger(ChildImport.class);

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
			DateTimeFormatter.ofPattern("yyyy-M-d"));

	private final ChildService children;

	private final ChildRepository repository;

	private final AuditService audit;

	private final Validator validator;

	private final MessageSource messages;

	@Qualifier("applicationTaskExecutor")
	private final TaskExecutor executor;

	private final TransactionTemplate transactions;

	private final ImportJobs jobs;

	/** The template: the headers and one example row. */
	public byte[] template() {
		List<Object> example = List.of("张小雨", "女", LocalDate.now().minusYears(9).withDayOfYear(60).toString(), "",
				"留守儿童、低保、特困", "父母均外出务工", "太原", "娄烦镇中心小学", "三年级", "140123100", "娄烦镇某村 3 组", "张奶奶", "祖父母、外祖父母",
				"13912345678", "", "低", LocalDate.now().minusMonths(1).toString(), "张奶奶", "结对关爱、走访和信息登记");
		return Spreadsheets.write("儿童信息", HEADERS, List.of(example));
	}

	/**
	 * Reads the file at once (a file that is no spreadsheet or has other headers is
	 * refused here) and checks its rows in the background.
	 */
	public ImportJob<ChildForm> start(InputStream input, long size, CurrentUser user, Locale locale)
			throws IOException {
		if (!user.is(Role.ADMIN, Role.STAFF)) {
			throw new AccessDeniedException("Only staff and administrators import children");
		}
		List<SheetRow> rows = Spreadsheets.read(input, size, HEADERS);
		if (rows.isEmpty()) {
			throw new SpreadsheetException("import.file.noRows");
		}
		ImportJob<ChildForm> job = this.jobs.create(ChildForm.class, user, rows.size(), locale,
				AuditService.currentRemoteAddress());
		this.executor.execute(() -> check(job, rows));
		return job;
	}

	/** The user's own import job; 404 for anyone else's. */
	public ImportJob<ChildForm> job(String token, CurrentUser user) {
		return this.jobs.find(token, user, ChildForm.class).orElseThrow(() -> new NotFoundException("import " + token));
	}

	/** Imports every good row, in the background, all or nothing. */
	public void confirm(String token, CurrentUser user) {
		ImportJob<ChildForm> job = job(token, user);
		if (!job.startImport()) {
			return;
		}
		this.executor.execute(() -> importAll(job));
	}

	public void cancel(String token, CurrentUser user) {
		this.jobs.remove(job(token, user));
	}

	private void check(ImportJob<ChildForm> job, List<SheetRow> rows) {
		try {
			Set<String> idNumbersInFile = new HashSet<>();
			for (SheetRow row : rows) {
				List<String> problems = new ArrayList<>();
				ChildForm form = toForm(row, job.locale(), problems);
				if (problems.isEmpty()) {
					validate(form, job, problems);
				}
				String idNumber = IdNumbers.normalise(form.getIdNumber());
				if (problems.isEmpty() && idNumber != null && !idNumber.isEmpty() && !idNumbersInFile.add(idNumber)) {
					problems.add(message("import.row.duplicateInFile", job.locale()));
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

	private void validate(ChildForm form, ImportJob<ChildForm> job, List<String> problems) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "form");
		this.validator.validate(form, result);
		for (ObjectError error : result.getAllErrors()) {
			problems.add(describe(error, job.locale()));
		}
		if (problems.isEmpty()) {
			try {
				this.children.checkNewChild(form, job.user());
			}
			catch (RuleViolationException ex) {
				problems.add(column(ex.field(), job.locale()) + message(ex.messageKey(), ex.arguments(), job.locale()));
			}
		}
	}

	private void importAll(ImportJob<ChildForm> job) {
		try {
			List<Long> ids = this.transactions.execute(status -> {
				List<ImportJob.GoodRow<ChildForm>> rows = job.goodRows();
				try {
					List<Long> created = this.children.registerImported(
							rows.stream().map(ImportJob.GoodRow::form).toList(), job.user(), index -> job.step());
					this.audit.recordAll(job.user(), AuditAction.CREATE, ChildService.RECORD, created, "import",
							job.remoteAddress());
					return created;
				}
				catch (RuleViolationException ex) {
					status.setRollbackOnly();
					int row = rows.get(Math.min(job.getDone(), rows.size() - 1)).number();
					job.failed("import.failedAtRow", new Object[] { row, column(ex.field(), job.locale())
							+ message(ex.messageKey(), ex.arguments(), job.locale()) });
					return List.of();
				}
			});
			if (ids != null && !ids.isEmpty()) {
				this.audit.recordAll(job.user(), AuditAction.IMPORT, ChildService.RECORD, List.of(ids.get(0)),
						"imported " + ids.size() + " children", job.remoteAddress());
				job.imported(ids.size());
			}
		}
		catch (RuntimeException ex) {
			log.error("Import failed", ex);
			job.failed("import.failed", null);
		}
	}

	private ChildForm toForm(SheetRow row, Locale locale, List<String> problems) {
		ChildForm form = new ChildForm();
		form.setName(row.get("姓名"));
		form.setGender(choice(row, "性别", Gender.class, "child.gender.", locale, problems));
		form.setBirthDate(date(row, "出生日期", locale, problems));
		form.setIdNumber(row.get("身份证号"));
		Set<ChildCategory> categories = EnumSet.noneOf(ChildCategory.class);
		String categoryText = row.get("儿童类别");
		if (!categoryText.isEmpty()) {
			Map<String, ChildCategory> labels = labels(ChildCategory.class, "child.category.");
			String remaining = categoryText;
			for (Map.Entry<String, ChildCategory> label : labels.entrySet()) {
				if (remaining.contains(label.getKey())) {
					categories.add(label.getValue());
					remaining = remaining.replace(label.getKey(), "");
				}
			}
			if (!remaining.replaceAll("[、，,;；\\s]", "").isEmpty()) {
				problems.add(message("import.value.unknown",
						new Object[] { "儿童类别", categoryText, String.join("、", labels.keySet()) }, locale));
			}
		}
		form.setCategories(categories);
		form.setParentsSituation(choice(row, "父母情况", ParentsSituation.class, "child.parents.", locale, problems));
		form.setParentsWorkPlace(row.get("父母务工地点"));
		form.setSchool(row.get("学校"));
		form.setGrade(row.get("年级"));
		form.setFederationCode(row.get("所属乡镇或村区划代码"));
		form.setAddress(row.get("家庭住址"));
		GuardianForm guardian = form.getGuardians().get(0);
		guardian.setName(row.get("监护人姓名"));
		guardian.setRelation(choice(row, "与儿童关系", GuardianRelation.class, "child.relation.", locale, problems));
		guardian.setPhone(row.get("监护人电话"));
		form.setHealthNotes(row.get("健康或残疾情况"));
		form.setRiskLevel(choice(row, "风险等级", RiskLevel.class, "child.risk.", locale, problems));
		form.setConsentDate(date(row, "同意日期", locale, problems));
		form.setConsentBy(row.get("同意的监护人"));
		form.setConsentScope(row.get("同意范围"));
		return form;
	}

	private <E extends Enum<E>> E choice(SheetRow row, String header, Class<E> type, String prefix, Locale locale,
			List<String> problems) {
		String text = row.get(header);
		if (text.isEmpty()) {
			return null;
		}
		Map<String, E> labels = labels(type, prefix);
		E value = labels.get(text);
		if (value == null) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equalsIgnoreCase(text)) {
					value = constant;
				}
			}
		}
		if (value == null) {
			problems.add(message("import.value.unknown",
					new Object[] { header, text, String.join("、", labels.keySet()) }, locale));
		}
		return value;
	}

	private <E extends Enum<E>> Map<String, E> labels(Class<E> type, String prefix) {
		Map<String, E> labels = new java.util.LinkedHashMap<>();
		for (E constant : type.getEnumConstants()) {
			labels.put(this.messages.getMessage(prefix + constant.name(), null, Locale.SIMPLIFIED_CHINESE), constant);
		}
		return labels;
	}

	private LocalDate date(SheetRow row, String header, Locale locale, List<String> problems) {
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
		problems.add(message("import.value.date", new Object[] { header, text }, locale));
		return null;
	}

	private String describe(ObjectError error, Locale locale) {
		String column = error instanceof FieldError field ? column(field.getField(), locale) : "";
		return column + this.messages.getMessage(error, locale);
	}

	private String column(String field, Locale locale) {
		String header = field == null ? null : FIELD_OF_HEADER.get(field);
		return header == null ? "" : message("import.column", new Object[] { header }, locale);
	}

	private String message(String key, Locale locale) {
		return message(key, null, locale);
	}

	private String message(String key, Object[] arguments, Locale locale) {
		try {
			return this.messages.getMessage(key, arguments, locale);
		}
		catch (NoSuchMessageException ex) {
			return key;
		}
	}

	/** Children registered by imports so far, for the tests' bookkeeping. */
	long count() {
		return this.repository.count();
	}

}
