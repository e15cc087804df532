package org.caringmothers.child;

import java.time.Clock;
import java.time.LocalDate;
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
 * The filtered children's list as a spreadsheet, with masked numbers, Chinese headers and
 * cells neutralised against formula injection. Every export is audited.
 */
@Service
@RequiredArgsConstructor
public class ChildExport {

	static final List<String> HEADERS = List.of("姓名", "性别", "出生日期", "年龄", "身份证号", "儿童类别", "所属妇联", "家庭住址", "学校", "年级",
			"父母情况", "监护人", "监护人电话", "风险等级", "状态");

	private static final int MAX_ROWS = 100_000;

	private final ChildService children;

	private final AuditService audit;

	private final MessageSource messages;

	private final Clock clock;

	@Transactional
	public byte[] export(ChildFilter filter, CurrentUser user) {
		LocalDate today = LocalDate.now(this.clock);
		List<List<Object>> rows = new ArrayList<>();
		for (Child child : this.children
			.list(filter, user, PageRequest.of(0, MAX_ROWS, Sort.by("federation.path", "name", "id")))
			.getContent()) {
			Guardian guardian = child.getGuardians().isEmpty() ? null : child.getGuardians().get(0);
			List<Object> row = new ArrayList<>();
			row.add(child.getName());
			row.add(label("child.gender." + child.getGender()));
			row.add(child.getBirthDate());
			row.add(child.ageOn(today));
			row.add(child.getIdNumberMasked());
			row.add(child.getCategories()
				.stream()
				.map(c -> label("child.category." + c))
				.collect(Collectors.joining("、")));
			row.add(child.getFederation().getName());
			row.add(child.getAddress());
			row.add(child.getSchool());
			row.add(child.getGrade());
			row.add(label("child.parents." + child.getParentsSituation()));
			row.add(guardian == null ? null : guardian.getName());
			row.add(guardian == null ? null : guardian.getMaskedPhone());
			row.add(label("child.risk." + child.getRiskLevel()));
			row.add(label("child.status." + child.getStatus()));
			rows.add(row);
		}
		this.audit.record(AuditAction.EXPORT, ChildService.RECORD, null, describe(filter) + " rows=" + rows.size());
		return Spreadsheets.write("儿童信息", HEADERS, rows);
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}

	private static String describe(ChildFilter filter) {
		return "filter q=" + nullToEmpty(filter.getQ()) + " federation=" + nullToEmpty(filter.getFederationCode())
				+ " category=" + filter.getCategory() + " risk=" + filter.getRisk() + " status=" + filter.getStatus();
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
