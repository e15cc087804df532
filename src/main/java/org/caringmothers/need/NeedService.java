package org.caringmothers.need;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.child.Child;
import org.caringmothers.child.ChildFederationChanged;
import org.caringmothers.child.ChildService;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.validation.PlainTextValidator;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationLevel;
import org.caringmothers.federation.Scope;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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

	private final AuditService audit;

	private final Clock clock;

	/** Whether a need of this kind must be reported. */
	public static boolean mandatoryReport(NeedCategory category, Urgency urgency, boolean childSeemedWorrying) {
		return category == NeedCategory.SAFETY && (childSeemedWorrying || urgency == Urgency.HIGH);
	}

	public Page<NeedLine> search(CurrentUser user, NeedStatus status, NeedCategory category, boolean openOnly,
			Pageable pageable) {
		Specification<Need> spec = Scope.of(user).where("federation");
		if (status != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("status"), status));
		}
		if (category != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("category"), category));
		}
		if (openOnly) {
			spec = spec.and((root, query, builder) -> root.get("status").in(NeedStatus.OPEN, NeedStatus.IN_PROGRESS));
		}
		Page<Need> page = this.needs.findAll(spec, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
				Sort.by(Sort.Order.desc("mandatoryReport"), Sort.Order.asc("raisedAt"))));
		return new PageImpl<>(lines(page.getContent()), page.getPageable(), page.getTotalElements());
	}

	/**
	 * What a staff member's home names about needs: the safety concerns waiting for
	 * action in the county of the user's federation (or the user's whole subtree above
	 * county level), and the first {@code lines} open needs in the user's scope that have
	 * been open longer than their urgency allows ({@link Urgency#daysToClose()}), the
	 * oldest first, with how many there are. The needs come without their children: the
	 * caller looks those up together with the other children its page names
	 * ({@link NeedDigest.Needs#withChildren}).
	 * @param lineage the user's federation with every federation above it
	 * ({@code FederationService#lineage}, the user's own last)
	 */
	public NeedDigest.Needs digestNeeds(CurrentUser user, List<Federation> lineage, int lines) {
		Federation own = lineage.get(lineage.size() - 1);
		if (!own.getId().equals(user.federationId())) {
			throw new IllegalArgumentException("the lineage of another federation than the user's");
		}
		Federation county = own.getLevel().ordinal() > FederationLevel.COUNTY.ordinal()
				? lineage.stream().filter(f -> f.getLevel() == FederationLevel.COUNTY).findFirst().orElse(own) : own;
		Instant now = this.clock.instant();
		Map<Urgency, Instant> raisedBefore = new EnumMap<>(Urgency.class);
		for (Urgency urgency : Urgency.values()) {
			raisedBefore.put(urgency, now.minus(Duration.ofDays(urgency.daysToClose())));
		}
		Scope scope = Scope.of(user);
		Scope reportScope = Scope.of(county);
		List<Object[]> rows = this.needs.digest(scope, reportScope, raisedBefore, lines);
		List<Need> found = rows.stream().map(row -> (Need) row[0]).toList();
		long pastDueCount = rows.isEmpty() ? 0 : ((Number) rows.get(0)[1]).longValue();
		// the rows: the first past-due needs of the scope in the order of the list, and
		// the pending reports (some of them past due, further on in that order)
		List<Need> reports = found.stream()
			.filter(need -> need.isReportPending() && reportScope.covers(need.getFederation()))
			.toList();
		List<Need> pastDue = found.stream()
			.filter(need -> need.isOpen() && need.getRaisedAt().isBefore(raisedBefore.get(need.getUrgency()))
					&& scope.covers(need.getFederation()))
			.limit(lines)
			.toList();
		return new NeedDigest.Needs(reports, pastDue, pastDueCount);
	}

	/** A need within the user's scope, or 404. */
	public Need get(long id, CurrentUser user) {
		return Scope.of(user).require(this.needs.findDetailedById(id), Need::getFederation, "need " + id);
	}

	/** A need within the user's scope with its child, or 404. */
	public NeedLine line(long id, CurrentUser user) {
		Need need = get(id, user);
		return lines(List.of(need)).get(0);
	}

	/**
	 * A child's needs move with her to her new federation (in the transaction that moves
	 * her), so that the staff there see them and their figures count there.
	 */
	@EventListener
	@Transactional
	public void onChildFederationChanged(ChildFederationChanged event) {
		this.needs.moveNeedsOfChild(event.childId(), event.toFederationId());
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
		Need need = new Need(child.getId(), child.getFederation(), visitId, form.getCategory(), form.getUrgency(),
				form.getDescription().trim(),
				mandatoryReport(form.getCategory(), form.getUrgency(), childSeemedWorrying), user.id());
		need.addStep(new NeedStep(need, null, NeedStatus.OPEN, null, null, user.id(), user.displayName()));
		need = this.needs.saveAndFlush(need);
		this.audit.record(AuditAction.CREATE, RECORD, need.getId(), "child " + child.getId());
		return need;
	}

	private List<NeedLine> lines(List<Need> needs) {
		return lines(needs, childrenOf(needs.stream()));
	}

	private static List<NeedLine> lines(List<Need> needs, Map<Long, Child> children) {
		return needs.stream().map(need -> new NeedLine(need, children.get(need.getChildId()))).toList();
	}

	/** The children of these needs, with their federations, in one query. */
	private Map<Long, Child> childrenOf(java.util.stream.Stream<Need> needs) {
		return this.children.findAllById(needs.map(Need::getChildId).collect(Collectors.toSet()));
	}

	private static String checkedText(String text, String field) {
		String trimmed = text == null || text.isBlank() ? null : text.trim();
		RuleViolationException.refuseIf(
				trimmed != null && (trimmed.length() > 500 || !PlainTextValidator.isPlain(trimmed)), field,
				"need.text.invalid");
		return trimmed;
	}

}
