package org.caringmothers.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.excel.Spreadsheets;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filtered roster of mothers and reserves as a spreadsheet, with masked numbers and
 * Chinese headers, cells neutralised against formula injection. Every export is audited.
 */
@Service
@RequiredArgsConstructor
public class VolunteerExport {

	static final List<String> HEADERS = List.of("姓名", "角色", "性别", "出生日期", "身份证号", "手机号码", "所属妇联", "爱心妈妈工作站", "工作单位",
			"职业", "专业特长", "状态", "宣誓日期");

	private static final int MAX_ROWS = 100_000;

	private final VolunteerService volunteers;

	private final AuditService audit;

	private final MessageSource messages;

	@Transactional
	public byte[] export(VolunteerFilter filter, CurrentUser user) {
		List<List<Object>> rows = new ArrayList<>();
		for (Volunteer volunteer : this.volunteers
			.list(filter, user, PageRequest.of(0, MAX_ROWS, Sort.by("federation.path", "name", "id")))
			.getContent()) {
			List<Object> row = new ArrayList<>();
			row.add(volunteer.getName());
			row.add(label("volunteer.role." + volunteer.getRole()));
			row.add(label("volunteer.gender." + volunteer.getGender()));
			row.add(volunteer.getBirthDate());
			row.add(volunteer.getIdNumberMasked());
			row.add(volunteer.getMaskedPhone());
			row.add(volunteer.getFederation().getName());
			row.add(volunteer.getStation() != null ? volunteer.getStation().getName() : null);
			row.add(volunteer.getWorkUnit());
			row.add(volunteer.getOccupation());
			row.add(volunteer.getSkills()
				.stream()
				.map(skill -> label("volunteer.skill." + skill))
				.collect(Collectors.joining("、")));
			row.add(label("volunteer.status." + volunteer.getStatus()));
			row.add(volunteer.getOathDate());
			rows.add(row);
		}
		this.audit.record(AuditAction.EXPORT, VolunteerService.RECORD, null, "filter q=" + nullToEmpty(filter.getQ())
				+ " federation=" + nullToEmpty(filter.getFederationCode()) + " rows=" + rows.size());
		return Spreadsheets.write("爱心妈妈与志愿者", HEADERS, rows);
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
