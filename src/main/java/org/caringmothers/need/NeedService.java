package org.caringmothers.need;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.child.Child;
import org.caringmothers.child.ChildService;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.validation.PlainTextValidator;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationLevel;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs and their follow-up: OPEN → IN_PROGRESS → RESOLVED, or REFERRED to a department,
 * each step recorded with who, when and a note. A safety concern — category SAFETY with
 * the child seeming worrying, or raised as highly urgent — is flagged for mandatory
 * reporting and stays at the top of the county's staff pages until the action taken is
 * recorded.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class NeedService {

	static final String RECORD = "NEED";

	private final NeedRepository needs;

	private final ChildService children;

	private final FederationService federations;

	private final AuditService audit;

	private final Clock clock;

	/** Whether a need of this kind must be reported. */
	public static boolean mandatoryReport(NeedCategory category, Urgency urgency, boolean childSeemedWorrying) {
		return category == NeedCategory.SAFETY && (childSeemedWorrying || urgency == Urgency.HIGH);
	}

	public Page<Need> search(CurrentUser user, NeedStatus status, NeedCategory category, boolean openOnly,
			Pageable pageable) {
		Specification<Need> spec = Scope.of(user).where("child", "federation");
		if (status != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("status"), status));
		}
		if (category != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("category"), category));
		}
		if (openOnly) {
			spec = spec.and((root, query, builder) -> root.get("status").in(NeedStatus.OPEN, NeedStatus.IN_PROGRESS));
		}
		return this.needs.findAll(spec, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
				Sort.by(Sort.Order.desc("mandatoryReport"), Sort.Order.asc("raisedAt"))));
	}

	/**
	 * Open needs in the user's scope that have been open longer than their urgency allows
	 * ({@link Urgency#daysToClose()}), the oldest first.
	 */
	public Page<Need> pastDue(CurrentUser user, Pageable pageable) {
		Instant now = this.clock.instant();
		java.util.Map<Urgency, Instant> raisedBefore = new java.util.EnumMap<>(Urgency.class);
		for (Urgency urgency : Urgency.values()) {
			raisedBefore.put(urgency, now.minus(java.time.Duration.ofDays(urgency.daysToClose())));
		}
		List<Object[]> rows = this.needs.pastDue(Scope.of(user), raisedBefore,
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[1]).longValue();
		return new org.springframework.data.domain.PageImpl<>(rows.stream().map(row -> (Need) row[0]).toList(),
				pageable, total);
	}

	public Need get(long id, CurrentUser user) {
		return Scope.of(user)
			.require(this.needs.findDetailedById(id), need -> need.getChild().getFederation(), "need " + id);
	}

	public List<Need> ofChild(long childId, CurrentUser user) {
		Child child = this.children.get(childId, user);
		return this.needs.findByChildIdOrderByRaisedAtDesc(child.getId());
	}

	/**
	 * Safety concerns waiting for action in the county of the user's federation (or the
	 * user's whole subtree above county level), given the user's federation with every
	 * federation above it ({@code FederationService#lineage}, the user's own last).
	 */
	public List<Need> pendingReports(CurrentUser user, List<Federation> lineage) {
		Federation own = lineage.get(lineage.size() - 1);
		if (!own.getId().equals(user.federationId())) {
			throw new IllegalArgumentException("the lineage of another federation than the user's");
		}
		Federation county = own.getLevel().ordinal() > FederationLevel.COUNTY.ordinal()
				? lineage.stream().filter(f -> f.getLevel() == FederationLevel.COUNTY).findFirst().orElse(own) : own;
		Specification<Need> pending = (root, query, builder) -> builder.and(builder.isTrue(root.get("mandatoryReport")),
				builder.isNull(root.get("reportAction")));
		return this.needs.findAll(Scope.of(county).<Need>where("child", "federation").and(pending),
				Sort.by("raisedAt"));
	}

	/** Staff raise a need for a child in their scope. */
	@Transactional
	public Need raise(long childId, NeedForm form, CurrentUser user) {
		user.requireManager();
		Child child = this.children.get(childId, user);
		return create(child, null, form, false, user);
	}

	/**
	 * A mother raises a need on a contact with her child (the caller checked the
	 * pairing).
	 */
	@Transactional
	public Need raiseOnContact(Child child, long visitId, NeedForm form, boolean childSeemedWorrying,
			CurrentUser mother) {
		return create(child, visitId, form, childSeemedWorrying, mother);
	}

	@Transactional
	public Need move(long id, NeedStatus to, Department department, String note, CurrentUser user) {
		user.requireManager();
		Need need = get(id, user);
		RuleViolationException.refuseIf(!need.isOpen(), "to", "need.closed");
		String[] text = new String[1];
		RuleViolationException.refuseAll(
				() -> RuleViolationException.refuseIf(to == null || to == need.getStatus() || to == NeedStatus.OPEN,
						"to", "need.step.invalid"),
				() -> RuleViolationException.refuseIf(to == NeedStatus.REFERRED && department == null, "department",
						"need.department.required"),
				() -> {
					text[0] = checkedText(note, "note");
					RuleViolationException.refuseIf(
							(to == NeedStatus.RESOLVED || to == NeedStatus.REFERRED) && text[0] == null, "note",
							"need.note.required");
				});
		String trimmed = text[0];
		NeedStatus from = need.getStatus();
		need.move(to, department, this.clock.instant());
		need.addStep(new NeedStep(need, from, to, to == NeedStatus.REFERRED ? department : null, trimmed, user.id(),
				user.displayName()));
		this.needs.saveAndFlush(need);
		this.audit.record(AuditAction.STATUS, RECORD, need.getId(), from + " -> " + to);
		return need;
	}

	@Transactional
	public Need recordReportAction(long id, String action, CurrentUser user) {
		user.requireManager();
		Need need = get(id, user);
		RuleViolationException.refuseIf(!need.isMandatoryReport(), "action", "need.report.notRequired");
		String trimmed = checkedText(action, "action");
		RuleViolationException.refuseIf(trimmed == null, "action", "need.report.actionRequired");
		need.recordReportAction(trimmed, user.id(), this.clock.instant());
		this.audit.record(AuditAction.UPDATE, RECORD, need.getId(), "mandatory report action recorded");
		return need;
	}

	private Need create(Child child, Long visitId, NeedForm form, boolean childSeemedWorrying, CurrentUser user) {
		Need need = new Need(child, visitId, form.getCategory(), form.getUrgency(), form.getDescription().trim(),
				mandatoryReport(form.getCategory(), form.getUrgency(), childSeemedWorrying), user.id());
		need.addStep(new NeedStep(need, null, NeedStatus.OPEN, null, null, user.id(), user.displayName()));
		need = this.needs.saveAndFlush(need);
		this.audit.record(AuditAction.CREATE, RECORD, need.getId(), "child " + child.getId());
		return need;
	}

	private static String checkedText(String text, String field) {
		String trimmed = text == null || text.isBlank() ? null : text.trim();
		RuleViolationException.refuseIf(
				trimmed != null && (trimmed.length() > 500 || !PlainTextValidator.isPlain(trimmed)), field,
				"need.text.invalid");
		return trimmed;
	}

}
