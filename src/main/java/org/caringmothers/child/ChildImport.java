package org.caringmothers.child;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import org.caringmothers.audit.AuditService;
import org.caringmothers.common.Gender;
import org.caringmothers.common.excel.ImportJob;
import org.caringmothers.common.excel.SheetRow;
import org.caringmothers.common.excel.SpreadsheetImport;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.stereotype.Service;

/** Importing children from the spreadsheet template (see {@link SpreadsheetImport}). */
@Service
public class ChildImport extends SpreadsheetImport<ChildForm> {

	/** The template's headers, in order; the sheet must have exactly these. */
	public static final List<String> HEADERS = List.of("姓名", "性别", "出生日期", "身份证号", "儿童类别", "父母情况", "父母务工地点", "学校", "年级",
			"所属乡镇或村区划代码", "家庭住址", "监护人姓名", "与儿童关系", "监护人电话", "健康或残疾情况", "风险等级", "同意日期", "同意的监护人", "同意范围");

	private static final List<String> FIELDS = List.of("name", "gender", "birthDate", "idNumber", "categories",
			"parentsSituation", "parentsWorkPlace", "school", "grade", "federationCode", "address", "guardians[0].name",
			"guardians[0].relation", "guardians[0].phone", "healthNotes", "riskLevel", "consentDate", "consentBy",
			"consentScope");

	private final ChildService children;

	private final AuditService audit;

	ChildImport(ChildService children, AuditService audit, Parts parts) {
		super(ChildForm.class, HEADERS, FIELDS, parts);
		this.children = children;
		this.audit = audit;
	}

	@Override
	protected String columnKeyPrefix() {
		return "child.import.column.";
	}

	@Override
	protected String sheetName() {
		return "儿童信息";
	}

	@Override
	protected List<Object> exampleRow() {
		return List.of("张小雨", "女", LocalDate.now().minusYears(9).withDayOfYear(60).toString(), "", "留守儿童、低保、特困",
				"父母均外出务工", "太原", "娄烦镇中心小学", "三年级", "140123100", "娄烦镇某村 3 组", "张奶奶", "祖父母、外祖父母", "13912345678", "", "低",
				LocalDate.now().minusMonths(1).toString(), "张奶奶", "结对关爱、走访和信息登记");
	}

	@Override
	protected ChildForm toForm(SheetRow row, Locale locale, List<String> problems) {
		ChildForm form = new ChildForm();
		form.setName(row.get("姓名"));
		form.setGender(choice(row, "性别", Gender.class, "child.gender.", locale, problems));
		form.setBirthDate(date(row, "出生日期", locale, problems));
		form.setIdNumber(row.get("身份证号"));
		form.setCategories(choices(row, "儿童类别", ChildCategory.class, "child.category.", locale, problems));
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

	@Override
	protected void checkRules(ChildForm form, CurrentUser user) {
		this.children.checkNewChild(form, user);
	}

	@Override
	protected String identity(ChildForm form) {
		return IdNumbers.identity(form.getIdNumber());
	}

	@Override
	protected String likelyIdentity(ChildForm form) {
		return ChildService.likelyIdentity(form);
	}

	@Override
	protected List<Long> registerAll(List<ChildForm> forms, CurrentUser user, IntConsumer onRow) {
		return this.children.registerImported(forms, user, onRow);
	}

	@Override
	protected void audit(ImportJob<ChildForm> job, List<Long> ids) {
		this.audit.recordImport(job.user(), ChildService.RECORD, ids, "children", job.remoteAddress());
	}

}
