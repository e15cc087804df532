package org.caringmothers.child;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
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

	/**
	 * The children with these ids, with their federation, for modules that show a child's
	 * name beside their own records (pairings, contacts, needs), in one statement (her
	 * categories and guardians are not loaded); no scope check: the caller has already
	 * scoped its own records.
	 */
	public Map<Long, Child> findAllById(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.children.findAll(Scope.<Child>fetching("federation").and((root, query, builder) -> {
			// her categories in the same statement (an eager collection is read in a
			// second one otherwise)
			root.fetch("categories", jakarta.persistence.criteria.JoinType.LEFT);
			query.distinct(true);
			return root.get("id").in(ids);
		})).stream().collect(java.util.stream.Collectors.toMap(Child::getId, child -> child, (same, again) -> same));
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
		if (!form.isConfirmDuplicate()) {
			List<Child> likely = likelyDuplicates(form, federation);
			if (!likely.isEmpty()) {
				throw new RuleViolationException("confirmDuplicate", "child.duplicate.likely",
						String.join("、", likely.stream().map(c -> c.getFederation().getName()).distinct().toList()));
			}
		}
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
	 * Runs every check of a registration without saving (used to check imported rows); an
	 * imported row that is likely a child already registered is refused with a message
	 * saying where, since an import has no "register anyway".
	 */
	@Transactional(readOnly = true)
	public void checkNewChild(ChildForm form, CurrentUser user) {
		Federation federation = checkAll(form, null, user);
		List<Child> likely = likelyDuplicates(form, federation);
		RuleViolationException.refuseIf(!likely.isEmpty(), null, "child.import.duplicateLikely",
				String.join("、", likely.stream().map(c -> c.getFederation().getName()).distinct().toList()));
	}

	/**
	 * What makes two rows of an import likely the same child when no ID number tells them
	 * apart: name, birth date, township and, when given, the guardian's name and phone;
	 * {@code null} when the row lacks them or has an ID number (which the import compares
	 * by itself).
	 */
	public static String likelyIdentity(ChildForm form) {
		String code = form.getFederationCode() == null ? "" : form.getFederationCode().trim();
		String idNumber = IdNumbers.normalise(form.getIdNumber());
		if (form.getName() == null || form.getName().isBlank() || form.getBirthDate() == null || code.length() < 9
				|| (idNumber != null && !idNumber.isEmpty())) {
			return null;
		}
		GuardianForm guardian = form.filledGuardians().stream().findFirst().orElse(null);
		String who = guardian == null ? ""
				: (guardian.getName() == null ? "" : guardian.getName().trim()) + "|" + guardian.normalisedPhone();
		return form.getName().trim() + "|" + form.getBirthDate() + "|" + code.substring(0, 9) + "|" + who;
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
		RuleViolationException.refuseIf(child.isAnonymised(), "name", "child.anonymised.readOnly");
		Versions.check(form.getVersion(), child.getVersion(), Child.class, id);
		Federation federation = checkAll(form, child, user);
		List<Guardian> previous = List.copyOf(child.getGuardians());
		keepStoredGuardianPhones(form, previous);
		long fromFederationId = child.getFederation().getId();
		child.update(federation, form.toParameters());
		if (fromFederationId != federation.getId()) {
			this.events.publishEvent(new ChildFederationChanged(child.getId(), fromFederationId, federation.getId()));
		}
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
		RuleViolationException.refuseIf(child.isAnonymised(), "status", "child.anonymised.readOnly");
		RuleViolationException.refuseIf(status == ChildStatus.AGED_OUT, "status", "child.status.agedOutAutomatic");
		RuleViolationException.refuseIf(status == ChildStatus.ACTIVE && child.getConsentWithdrawnOn() != null, "status",
				"child.consentWithdrawal.noReactivation");
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

	/**
	 * Records that the guardian withdrew consent on the given day: a child still in the
	 * programme leaves it (CLOSED with the note as reason, ending her pairing), and her
	 * record is anonymised once the retention period for withdrawals has passed.
	 */
	@Transactional
	public Child withdrawConsent(long id, LocalDate on, String note, CurrentUser user) {
		user.requireManager();
		Child child = get(id, user);
		String trimmed = note == null ? "" : note.trim();
		RuleViolationException.refuseIf(child.isAnonymised(), "withdrawnOn", "child.anonymised.readOnly");
		RuleViolationException.refuseIf(child.getConsentWithdrawnOn() != null, "withdrawnOn",
				"child.consentWithdrawal.already");
		RuleViolationException.refuseIf(on == null, "withdrawnOn", "child.consentWithdrawal.dateRequired");
		RuleViolationException.refuseIf(on.isAfter(LocalDate.now(this.clock)), "withdrawnOn",
				"child.consentWithdrawal.future");
		RuleViolationException.refuseIf(child.getConsentDate() != null && on.isBefore(child.getConsentDate()),
				"withdrawnOn", "child.consentWithdrawal.beforeConsent");
		RuleViolationException.refuseIf(trimmed.isEmpty(), "note", "child.status.reasonRequired");
		RuleViolationException.refuseIf(trimmed.length() > 200 || !PlainTextValidator.isPlain(trimmed), "note",
				"child.status.reasonInvalid");
		child.withdrawConsent(on);
		this.audit.record(AuditAction.UPDATE, RECORD, child.getId(), "consent withdrawn " + on);
		ChildStatus from = child.getStatus();
		if (from == ChildStatus.ACTIVE) {
			child.changeStatus(ChildStatus.CLOSED, trimmed, this.clock.instant());
			this.audit.record(AuditAction.STATUS, RECORD, child.getId(), ChildStatus.CLOSED.name());
			this.events.publishEvent(new ChildStatusChanged(child.getId(), from, ChildStatus.CLOSED, user.id()));
		}
		return child;
	}

	/**
	 * The children whose retention period has run out: out of the programme (moved,
	 * closed, aged out) since before {@code leftBefore}, or whose guardian withdrew
	 * consent on or before {@code withdrawnOnOrBefore}; not yet anonymised.
	 */
	public List<Long> dueForAnonymisation(java.time.Instant leftBefore, LocalDate withdrawnOnOrBefore) {
		return this.children.dueForAnonymisation(leftBefore, withdrawnOnOrBefore);
	}

	/**
	 * Anonymises one child whose retention period has run out (checked again here): her
	 * personal fields are emptied, one audit entry without personal data is written, and
	 * {@link ChildAnonymised} lets the other modules erase what they hold about her in
	 * the same transaction; answers whether it was done.
	 */
	@Transactional
	public boolean anonymise(long id, java.time.Instant leftBefore, LocalDate withdrawnOnOrBefore) {
		Child child = this.children.findDetailedById(id).orElse(null);
		if (child == null || child.isAnonymised()) {
			return false;
		}
		boolean withdrawn = child.getConsentWithdrawnOn() != null
				&& !child.getConsentWithdrawnOn().isAfter(withdrawnOnOrBefore);
		java.time.Instant left = child.getStatusChangedAt() != null ? child.getStatusChangedAt() : child.getCreatedAt();
		boolean retentionEnded = child.getStatus() != ChildStatus.ACTIVE && left.isBefore(leftBefore);
		if (!withdrawn && !retentionEnded) {
			return false;
		}
		child.anonymise(this.clock.instant());
		this.children.saveAndFlush(child);
		this.audit.record(AuditAction.ANONYMISE, RECORD, child.getId(),
				withdrawn ? "retention: consent withdrawn" : "retention: " + child.getStatus() + " period ended");
		this.events.publishEvent(new ChildAnonymised(child.getId()));
		return true;
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
			spec = spec.and(matching(filter.getQ().trim()));
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

	/**
	 * Children already registered under the same name and birth date in the same township
	 * (or the same federation above it) where one of the two records has no identity
	 * number to tell them apart: likely the same child registered twice.
	 */
	List<Child> likelyDuplicates(ChildForm form, Federation federation) {
		if (form.getName() == null || form.getBirthDate() == null) {
			return List.of();
		}
		Federation township = federation;
		if (federation.getLevel() == FederationLevel.VILLAGE) {
			township = this.federations.ancestors(federation)
				.stream()
				.filter(ancestor -> ancestor.getLevel() == FederationLevel.TOWNSHIP)
				.findFirst()
				.orElse(federation);
		}
		String name = form.getName().trim();
		String idNumber = IdNumbers.normalise(form.getIdNumber());
		boolean withoutNumber = idNumber == null || idNumber.isEmpty();
		Specification<Child> same = Scope.of(township)
			.<Child>where("federation")
			.and((root, query, builder) -> builder.and(builder.equal(root.get("name"), name),
					builder.equal(root.get("birthDate"), form.getBirthDate())));
		if (!withoutNumber) {
			same = same.and((root, query, builder) -> builder.isNull(root.get("idNumberIndex")));
		}
		return this.children.findAll(same.and(Scope.fetching("federation")))
			.stream()
			.filter(child -> guardiansAgree(form.filledGuardians(), child.getGuardians()))
			.toList();
	}

	/**
	 * Whether the guardians do not tell two records apart: either side names none, or one
	 * guardian has the same name or the same phone on both. Different guardians on both
	 * sides make two children of the same name and birth date not a likely duplicate.
	 */
	static boolean guardiansAgree(List<GuardianForm> given, List<Guardian> stored) {
		if (given.isEmpty() || stored.isEmpty()) {
			return true;
		}
		for (GuardianForm guardian : given) {
			String name = guardian.getName() == null ? "" : guardian.getName().trim();
			String phone = guardian.normalisedPhone();
			for (Guardian known : stored) {
				if ((!name.isEmpty() && name.equals(known.getName() == null ? null : known.getName().trim()))
						|| (phone != null && !phone.isEmpty()
								&& phone.equals(PhoneNumbers.normalise(known.getPhone())))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * What the search box finds: an identity number exactly (through its keyed hash), a
	 * guardian's phone number exactly, or a part of the child's or a guardian's name.
	 */
	private Specification<Child> matching(String text) {
		String idNumber = IdNumbers.normalise(text);
		if (idNumber.length() == 18 && idNumber.matches("\\d{17}[\\dX]")) {
			String index = this.cipher.blindIndex(idNumber);
			return (root, query, builder) -> builder.equal(root.get("idNumberIndex"), index);
		}
		String digits = PhoneNumbers.normalise(text);
		if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
			return (root, query, builder) -> {
				Subquery<Long> withPhone = query.subquery(Long.class);
				Root<Child> inner = withPhone.from(Child.class);
				Join<Child, Guardian> guardian = inner.join("guardians");
				withPhone.select(inner.get("id")).where(builder.equal(guardian.get("phone"), digits));
				return root.get("id").in(withPhone);
			};
		}
		String needle = "%"
				+ text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return (root, query, builder) -> {
			Subquery<Long> withGuardian = query.subquery(Long.class);
			Root<Child> inner = withGuardian.from(Child.class);
			Join<Child, Guardian> guardian = inner.join("guardians");
			withGuardian.select(inner.get("id")).where(builder.like(builder.lower(guardian.get("name")), needle));
			return builder.or(builder.like(builder.lower(root.get("name")), needle), root.get("id").in(withGuardian));
		};
	}

	private static ChildFilter copyWithoutStatus(ChildFilter filter) {
		return Filters.without(filter, "status");
	}

}
