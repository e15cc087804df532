package org.caringmothers.volunteer;

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

/**
 * Importing caring mothers and reserves from the spreadsheet template (see
 * {@link SpreadsheetImport}); each enters the lifecycle as APPLIED, as if registered
 * through the form.
 */
@Service
public class VolunteerImport extends SpreadsheetImport<VolunteerForm> {

	/** The template's headers, in order; the sheet must have exactly these. */
	public static final List<String> HEADERS = List.of("姓名", "角色", "性别", "出生日期", "身份证号", "手机号码", "所属妇联区划代码", "工作单位",
			"职业", "专业特长");

	private static final List<String> FIELDS = List.of("name", "role", "gender", "birthDate", "idNumber", "phone",
			"federationCode", "workUnit", "occupation", "skills");

	private final VolunteerService volunteers;

	private final AuditService audit;

	VolunteerImport(VolunteerService volunteers, AuditService audit, Parts parts) {
		super(VolunteerForm.class, HEADERS, FIELDS, parts);
		this.volunteers = volunteers;
		this.audit = audit;
	}

	@Override
	protected String columnKeyPrefix() {
		return "volunteer.import.column.";
	}

	@Override
	protected String sheetName() {
		return "爱心妈妈与志愿者";
	}

	@Override
	protected List<Object> exampleRow() {
		return List.of("李春梅", "爱心妈妈", "女", "1982-04-16", "", "13912345678", "140123100", "娄烦镇中心小学", "教师", "教师、家庭教育指导师");
	}

	@Override
	protected VolunteerForm toForm(SheetRow row, Locale locale, List<String> problems) {
		VolunteerForm form = new VolunteerForm();
		form.setName(row.get("姓名"));
		form.setRole(choice(row, "角色", VolunteerRole.class, "volunteer.role.", locale, problems));
		form.setGender(choice(row, "性别", Gender.class, "volunteer.gender.", locale, problems));
		form.setBirthDate(date(row, "出生日期", locale, problems));
		form.setIdNumber(row.get("身份证号"));
		form.setPhone(row.get("手机号码"));
		form.setFederationCode(row.get("所属妇联区划代码"));
		form.setWorkUnit(row.get("工作单位"));
		form.setOccupation(row.get("职业"));
		form.setSkills(choices(row, "专业特长", Skill.class, "volunteer.skill.", locale, problems));
		return form;
	}

	@Override
	protected void checkRules(VolunteerForm form, CurrentUser user) {
		this.volunteers.checkNewVolunteer(form, user);
	}

	@Override
	protected String identity(VolunteerForm form) {
		return IdNumbers.identity(form.getIdNumber());
	}

	@Override
	protected List<Long> registerAll(List<VolunteerForm> forms, CurrentUser user, IntConsumer onRow) {
		return this.volunteers.registerImported(forms, user, onRow);
	}

	@Override
	protected void audit(ImportJob<VolunteerForm> job, List<Long> ids) {
		this.audit.recordImport(job.user(), VolunteerService.RECORD, ids, "volunteers", job.remoteAddress());
	}

}
