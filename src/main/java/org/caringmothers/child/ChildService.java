package org.caringmothers.child;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.persistence.Versions;
import org.caringmothers.common.Gender;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.persistence.BatchImport;
import org.caringmothers.common.web.Filters;
import org.caringmothers.common.persistence.GroupCounts;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.privacy.Masking;
import org.caringmothers.common.privacy.PhoneNumbers;
import org.caringmothers.common.privacy.ProtectedColumn;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.validation.PlainTextValidator;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationLevel;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The children's register and its rules: under 18 at registration, a home federation at
 * township or village level within the user's scope, one record per identity number
 * anywhere, at least one guardian, recorded consent; numbers encrypted and audited.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class ChildService {

	static final String RECORD = "CHILD";

	static final int ADULT_AGE = 18;

	private final ChildRepository children;

	private final FederationService federations;

	private final SensitiveDataCipher cipher;

	private final AuditService audit;

	private final Clock clock;

	private final jakarta.persistence.EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final GroupCounts counts;

	private final ChildPairings pairings;

	public Page<Child> list(ChildFilter filter, CurrentUser user, Pageable pageable) {
		Specification<Child> spec = specification(filter, user);
		if (spec == null) {
			return Page.empty(pageable);
		}
		return this.children.findAll(spec.and(Scope.fetching("federation")), pageable);
	}

	/** Which of these children have an active pairing (for the list's column). */
	public Set<Long> pairedAmong(Page<Child> page) {
		return page.isEmpty() ? Set.of() : this.pairings.pairedAmong(page.map(Child::getId).getContent());
	}

	/**
	 * Active children in the scope that also meet the condition (which another module,
	 * e.g. pairing, may supply), with their federation.
	 */
	public Page<Child> findActive(Scope scope, Specification<Child> condition, Pageable pageable) {
		Specification<Child> active = (root, query, builder) -> builder.equal(root.get("status"), ChildStatus.ACTIVE);
		return this.children.findAll(
				scope.<Child>where("federation").and(active).and(condition).and(Scope.fetching("federation")),
				pageable);
	}

	/** Counts by status within the same scope and filters, status itself aside. */
	public Map<ChildStatus, Long> countByStatus(ChildFilter filter, CurrentUser user) {
		return this.counts.countBy(Child.class, "status", ChildStatus.class,
				specification(copyWithoutStatus(filter), user));
	}

	/** A child within the user's scope, or 404; does not write to the audit log. */
	public Child get(long id, CurrentUser user) {
		return Scope.of(user)
			.require(this.children.findDetailedById(id), child -> child.getFederation(), "child " + id);
	}

	/** Opens a child's page: the view is recorded in the audit log. */
	@Transactional
	public Child view(long id, CurrentUser user) {
		Child child = get(id, user);
		this.audit.record(AuditAction.VIEW, RECORD, child.getId(), null);
		return child;
	}

	@Transactional
	public Child register(ChildForm form, CurrentUser user) {
		user.requireManager();
		Federation federation = checkAll(form, null, user);
		Child child = new Child(user.id());
		child.update(federation, form.toParameters());
		applyIdNumber(child, form.getIdNumber());
		try {
			child = this.children.saveAndFlush(child);
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("idNumber", "child.idNumber.duplicate", "");
		}
		this.audit.record(AuditAction.CREATE, RECORD, child.getId(), child.getName());
		return child;
	}

	/**
	 * Runs every check of a registration without saving (used to check imported rows).
	 */
	public void checkNewChild(ChildForm form, CurrentUser user) {
		checkAll(form, null, user);
	}

	/**
	 * Checks the rules of a form that is shown again anyway (it has other errors), so
	 * that every problem is reported at once; saves nothing.
	 * @param id the child edited, or null for a new one
	 */
	@Transactional(readOnly = true)
	public void checkForm(ChildForm form, Long id, CurrentUser user) {
		checkAll(form, id == null ? null : get(id, user), user);
	}

	/** The federation and every rule, all broken rules reported together. */
	private Federation checkAll(ChildForm form, Child existing, CurrentUser user) {
		Federation[] federation = new Federation[1];
		RuleViolationException.refuseAll(() -> federation[0] = checkedFederation(form, user),
				() -> checkRules(form, existing, user));
		return federation[0];
	}

	/**
	 * Registers imported rows inside the caller's transaction (the import's), checking
	 * every rule again; the caller writes the audit entries for all rows at once. The
	 * persistence context is flushed and cleared in batches so that thousands of rows
	 * stay fast.
	 * @param onRow called after each row with the row's index
	 * @return the new children's ids, in order
	 */
	@Transactional
	List<Long> registerImported(List<ChildForm> forms, CurrentUser user, java.util.function.IntConsumer onRow) {
		user.requireManager();
		return BatchImport.save(this.entityManager, forms, (ChildForm form, Map<String, Federation> federations) -> {
			Federation federation = federations.computeIfAbsent(form.getFederationCode(),
					code -> checkedFederation(form, user));
			checkRules(form, null, user);
			Child child = new Child(user.id());
			child.update(federation, form.toParameters());
			applyIdNumber(child, form.getIdNumber());
			return this.children.save(child).getId();
		}, onRow);
	}

	@Transactional
	public Child update(long id, ChildForm form, CurrentUser user) {
		user.requireManager();
		Child child = get(id, user);
		Versions.check(form.getVersion(), child.getVersion(), Child.class, id);
		Federation federation = checkAll(form, child, user);
		List<Guardian> previous = List.copyOf(child.getGuardians());
		keepStoredGuardianPhones(form, previous);
		child.update(federation, form.toParameters());
		if (form.getIdNumber() != null && !form.getIdNumber().isBlank()) {
			applyIdNumber(child, form.getIdNumber());
		}
		child = this.children.saveAndFlush(child);
		this.audit.record(AuditAction.UPDATE, RECORD, child.getId(), child.getName());
		return child;
	}

	@Transactional
	public Child changeStatus(long id, ChildStatus status, String reason, CurrentUser user) {
		user.requireManager();
		Child child = get(id, user);
		String trimmed = reason == null ? "" : reason.trim();
		RuleViolationException.refuseIf(status == ChildStatus.AGED_OUT, "status", "child.status.agedOutAutomatic");
		RuleViolationException.refuseIf(status != ChildStatus.ACTIVE && trimmed.isEmpty(), "reason",
				"child.status.reasonRequired");
		RuleViolationException.refuseIf(trimmed.length() > 200 || !PlainTextValidator.isPlain(trimmed), "reason",
				"child.status.reasonInvalid");
		RuleViolationException.refuseIf(
				status == ChildStatus.ACTIVE && child.ageOn(LocalDate.now(this.clock)) >= ADULT_AGE, "status",
				"child.status.adult");
		ChildStatus from = child.getStatus();
		child.changeStatus(status, trimmed.isEmpty() ? null : trimmed, this.clock.instant());
		this.audit.record(AuditAction.STATUS, RECORD, child.getId(), status.name());
		if (from != status) {
			this.events.publishEvent(new ChildStatusChanged(child.getId(), from, status, user.id()));
		}
		return child;
	}

	/**
	 * The full identity number or a guardian's full phone number, for ADMIN and STAFF
	 * only; every reveal is recorded.
	 */
	@Transactional
	public String reveal(long id, String field, int guardianIndex, CurrentUser user) {
		user.requireManager();
		Child child = get(id, user);
		String value;
		if ("idNumber".equals(field) && child.hasIdNumber()) {
			value = this.cipher.decrypt(ProtectedColumn.CHILD_ID_NUMBER, child.getIdNumberCipher());
		}
		else if ("guardianPhone".equals(field) && guardianIndex >= 0 && guardianIndex < child.getGuardians().size()) {
			value = child.getGuardians().get(guardianIndex).getPhone();
		}
		else {
			throw new NotFoundException("number");
		}
		this.audit.record(AuditAction.REVEAL, RECORD, child.getId(),
				"idNumber".equals(field) ? "idNumber" : "guardianPhone#" + (guardianIndex + 1));
		return value;
	}

	/** The child with this identity number, if within the user's scope. */
	public java.util.Optional<Child> findByIdNumber(String idNumber, CurrentUser user) {
		String normalised = IdNumbers.normalise(idNumber);
		if (normalised == null || normalised.isEmpty()) {
			return java.util.Optional.empty();
		}
		Scope scope = Scope.of(user);
		return this.children.findIdByIdNumberIndex(this.cipher.blindIndex(normalised))
			.flatMap(this.children::findById)
			.filter(child -> scope.covers(child.getFederation()));
	}

	/**
	 * Sets AGED_OUT on every active child who has turned 18 and publishes
	 * {@link ChildStatusChanged} for each (ending her pairing); returns how many.
	 */
	@Transactional
	public int ageOut() {
		LocalDate bornOnOrBefore = LocalDate.now(this.clock).minusYears(ADULT_AGE);
		List<Long> ids = this.children.activeBornOnOrBefore(bornOnOrBefore);
		int count = 0;
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> batch = ids.subList(from, Math.min(ids.size(), from + 1000));
			count += this.children.ageOut(batch, this.clock.instant());
		}
		for (long id : ids) {
			this.events.publishEvent(new ChildStatusChanged(id, ChildStatus.ACTIVE, ChildStatus.AGED_OUT, null));
		}
		return count;
	}

	private void checkRules(ChildForm form, Child existing, CurrentUser user) {
		RuleViolationException.refuseAll(() -> checkBirthDate(form, existing),
				() -> checkIdNumber(form, existing, user), () -> checkGuardians(form, existing));
	}

	private void checkBirthDate(ChildForm form, Child existing) {
		if (form.getBirthDate() == null) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock);
		RuleViolationException.refuseIf(form.getBirthDate().isAfter(today), "birthDate", "child.birthDate.future");
		RuleViolationException.refuseIf(
				existing == null && form.getBirthDate().plusYears(ADULT_AGE).compareTo(today) <= 0, "birthDate",
				"child.birthDate.adult");
	}

	private void checkIdNumber(ChildForm form, Child existing, CurrentUser user) {
		String idNumber = IdNumbers.normalise(form.getIdNumber());
		if (idNumber == null || idNumber.isEmpty()) {
			return;
		}
		String problem = (form.getBirthDate() != null && form.getGender() != null)
				? IdNumbers.problem(idNumber, form.getBirthDate(), form.getGender() == Gender.MALE)
				: IdNumbers.problem(idNumber);
		RuleViolationException.refuseIf(problem != null, "idNumber", problem);
		this.children.federationHoldingIdNumber(this.cipher.blindIndex(idNumber))
			.filter(holder -> existing == null || !existing.getIdNumberIndex().equals(this.cipher.blindIndex(idNumber)))
			.ifPresent(holder -> {
				if (Scope.of(user).covers(holder)) {
					throw new RuleViolationException("idNumber", "child.idNumber.duplicate", holder.getName());
				}
				// held outside the user's subtree: say so without naming where, and keep
				// the attempt on record even though the registration is refused
				this.audit.recordAlone(AuditAction.DENIED, RECORD, null,
						"ID number already registered in federation " + holder.getCode());
				throw new RuleViolationException("idNumber", "idNumber.registeredElsewhere");
			});
	}

	private void checkGuardians(ChildForm form, Child existing) {
		List<GuardianForm> guardians = form.filledGuardians();
		RuleViolationException.refuseIf(guardians.isEmpty(), "guardians[0].name", "child.guardian.required");
		List<Runnable> rules = new java.util.ArrayList<>();
		for (int i = 0; i < form.getGuardians().size(); i++) {
			GuardianForm guardian = form.getGuardians().get(i);
			if (!guardian.isFilled()) {
				continue;
			}
			int index = i;
			rules.add(() -> RuleViolationException.refuseIf(guardian.getName() == null || guardian.getName().isBlank(),
					"guardians[" + index + "].name", "child.guardian.nameRequired"));
			rules.add(() -> RuleViolationException.refuseIf(guardian.getRelation() == null,
					"guardians[" + index + "].relation", "child.guardian.relationRequired"));
			boolean keepsStoredPhone = existing != null && i < existing.getGuardians().size()
					&& (guardian.getPhone() == null || guardian.getPhone().isBlank());
			rules.add(() -> RuleViolationException.refuseIf(
					!keepsStoredPhone && !PhoneNumbers.isValid(guardian.getPhone()), "guardians[" + index + "].phone",
					"phone.invalid"));
		}
		RuleViolationException.refuseAll(rules.toArray(Runnable[]::new));
	}

	/**
	 * On edit an empty phone field keeps the stored number of the guardian in that row.
	 */
	private static void keepStoredGuardianPhones(ChildForm form, List<Guardian> previous) {
		for (int i = 0; i < form.getGuardians().size() && i < previous.size(); i++) {
			GuardianForm guardian = form.getGuardians().get(i);
			if (guardian.isFilled() && (guardian.getPhone() == null || guardian.getPhone().isBlank())) {
				guardian.setPhone(previous.get(i).getPhone());
			}
		}
	}

	private void applyIdNumber(Child child, String raw) {
		String idNumber = IdNumbers.normalise(raw);
		if (idNumber == null || idNumber.isEmpty()) {
			return;
		}
		child.setIdentity(this.cipher.encrypt(ProtectedColumn.CHILD_ID_NUMBER, idNumber),
				this.cipher.blindIndex(idNumber), Masking.idNumber(idNumber));
	}

	private Federation checkedFederation(ChildForm form, CurrentUser user) {
		RuleViolationException.refuseIf(form.getFederationCode() == null || form.getFederationCode().isBlank(),
				"federationCode", "child.federation.unknown");
		Federation federation = this.federations.findByCode(form.getFederationCode(), Scope.of(user))
			.orElseThrow(() -> new RuleViolationException("federationCode", "child.federation.unknown"));
		RuleViolationException.refuseIf(
				federation.getLevel() != FederationLevel.TOWNSHIP && federation.getLevel() != FederationLevel.VILLAGE,
				"federationCode", "child.federation.level");
		return federation;
	}

	private Specification<Child> specification(ChildFilter filter, CurrentUser user) {
		Scope scope = this.federations.filterScope(user, filter.getFederationCode()).orElse(null);
		if (scope == null) {
			return null;
		}
		Specification<Child> spec = scope.where("federation");
		if (filter.getQ() != null && !filter.getQ().isBlank()) {
			String needle = "%" + filter.getQ().trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_")
					+ "%";
			spec = spec.and((root, query, builder) -> builder.like(builder.lower(root.get("name")), needle));
		}
		if (filter.getCategory() != null) {
			spec = spec.and((root, query, builder) -> builder.isMember(filter.getCategory(), root.get("categories")));
		}
		if (filter.getRisk() != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("riskLevel"), filter.getRisk()));
		}
		if (filter.getStatus() != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("status"), filter.getStatus()));
		}
		if (filter.getPaired() != null) {
			spec = spec.and(this.pairings.paired(filter.getPaired()));
		}
		return spec;
	}

	private static ChildFilter copyWithoutStatus(ChildFilter filter) {
		return Filters.without(filter, "status");
	}

}
