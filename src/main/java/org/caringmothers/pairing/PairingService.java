package org.caringmothers.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.child.Child;
import org.caringmothers.child.ChildAnonymised;
import org.caringmothers.child.ChildFederationChanged;
import org.caringmothers.child.ChildService;
import org.caringmothers.child.ChildStatusChanged;
import org.caringmothers.child.ChildStatus;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.common.validation.PlainTextValidator;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationLevel;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.ProgrammeSettings;
import org.caringmothers.federation.Scope;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerRole;
import org.caringmothers.volunteer.VolunteerService;
import org.caringmothers.volunteer.VolunteerStatus;
import org.caringmothers.volunteer.VolunteerStatusChanged;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairings and their rules: one active pairing per child, at most the federation's number
 * of children per mother, only active mothers and children, a start date not in the
 * future; an ended pairing stays on record unchanged. The database enforces the same
 * rules, so that two members of staff pairing at the same moment cannot both break them.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class PairingService {

	static final String RECORD = "PAIRING";

	private final PairingRepository pairings;

	private final ChildService children;

	private final VolunteerService volunteers;

	private final FederationService federations;

	private final AuditService audit;

	private final Clock clock;

	/** A pairing whose own federation lies within the user's scope; 404 otherwise. */
	public Pairing get(long id, CurrentUser user) {
		return Scope.of(user).require(this.pairings.findDetailedById(id), Pairing::getFederation, "pairing " + id);
	}

	/**
	 * A pairing within the user's scope with its child and mother; 404 otherwise.
	 */
	public PairingView view(long id, CurrentUser user) {
		return views(List.of(get(id, user)), null).get(0);
	}

	/**
	 * Whether the pairing is the signed-in caring mother's own (her record is linked to
	 * this account): the one rule by which a mother reaches a pairing, its child and its
	 * contacts.
	 */
	public static boolean isHers(PairingView pairing, CurrentUser user) {
		Long account = pairing.mother().getAccountId();
		return user.is(Role.VOLUNTEER) && account != null && account == user.id();
	}

	/**
	 * Whether the pairing (by id) is the signed-in caring mother's own; false for a
	 * pairing that does not exist.
	 */
	public boolean isHers(long pairingId, CurrentUser user) {
		if (!user.is(Role.VOLUNTEER)) {
			return false;
		}
		Long motherId = this.pairings.findById(pairingId).map(Pairing::getMotherId).orElse(null);
		return motherId != null && this.volunteers.motherOfAccount(user.id())
			.map(mother -> mother.getId().equals(motherId))
			.orElse(false);
	}

	/**
	 * One of the signed-in mother's own active pairings, with the child's guardians; 404
	 * for anything else.
	 */
	public PairingView hers(long pairingId, CurrentUser user) {
		Pairing pairing = this.pairings.findById(pairingId)
			.filter(Pairing::isActive)
			.orElseThrow(() -> new NotFoundException("pairing " + pairingId));
		Volunteer mother = user.is(Role.VOLUNTEER) ? this.volunteers.motherOfAccount(user.id())
			.filter(her -> her.getId().equals(pairing.getMotherId()))
			.orElse(null) : null;
		if (mother == null) {
			throw new NotFoundException("pairing " + pairingId);
		}
		PairingView view = views(List.of(pairing), null, mother).get(0);
		org.hibernate.Hibernate.initialize(view.child().getGuardians());
		return view;
	}

	/**
	 * These pairings with their children (and the children's federations) and mothers, in
	 * their order: one query for the children and one for the mothers, however many
	 * pairings.
	 * @param mother the mother of all of them, when the caller has her already (or null)
	 */
	private List<PairingView> views(List<Pairing> list, Volunteer mother) {
		return views(list, null, mother);
	}

	/**
	 * {@link #views(List, Volunteer)}, with the child of all of them when the caller has
	 * her already (or null).
	 */
	private List<PairingView> views(List<Pairing> list, Child child, Volunteer mother) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, Child> children = (child != null) ? Map.of(child.getId(), child) : this.children
			.findAllById(list.stream().map(Pairing::getChildId).collect(java.util.stream.Collectors.toSet()));
		return viewsWith(list, children, mother);
	}

	/**
	 * {@link #views(List, Volunteer)}, with their children from this map.
	 */
	private List<PairingView> viewsWith(List<Pairing> list, Map<Long, Child> children, Volunteer mother) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, Volunteer> mothers = new HashMap<>();
		if (mother != null) {
			mothers.put(mother.getId(), mother);
		}
		List<Long> missing = list.stream()
			.map(Pairing::getMotherId)
			.filter(id -> !mothers.containsKey(id))
			.distinct()
			.toList();
		this.volunteers.findAllById(missing).forEach(found -> mothers.put(found.getId(), found));
		return list.stream()
			.map(pairing -> new PairingView(pairing, children.get(pairing.getChildId()),
					mothers.get(pairing.getMotherId())))
			.toList();
	}

	/** The child's pairings, newest first (the child must be within the scope). */
	public List<PairingView> historyOfChild(long childId, CurrentUser user) {
		Child child = this.children.get(childId, user);
		return views(this.pairings.findByChildIdOrderByStartDateDescIdDesc(child.getId()), child, null);
	}

	/** The mother's pairings, newest first. */
	public List<PairingView> historyOfMother(Volunteer mother) {
		return views(this.pairings.findByMotherIdOrderByStartDateDescIdDesc(mother.getId()), mother);
	}

	/**
	 * Who took over the mother's ended pairings, by the ended pairing's id (for her
	 * pairings page).
	 */
	public Map<Long, PairingView> successorsOf(List<PairingView> history) {
		List<Long> ended = history.stream().filter(pairing -> !pairing.isActive()).map(PairingView::getId).toList();
		Map<Long, PairingView> successors = new HashMap<>();
		if (!ended.isEmpty()) {
			views(this.pairings.findByHandedOverFromIn(ended), null)
				.forEach(pairing -> successors.put(pairing.getHandedOverFrom(), pairing));
		}
		return successors;
	}

	/**
	 * The pairings these ones continue after a handover, by the continuing pairing's id.
	 */
	public Map<Long, PairingView> predecessorsOf(List<PairingView> history) {
		Map<Long, Long> previousIds = new HashMap<>();
		history.stream()
			.filter(pairing -> pairing.getHandedOverFrom() != null)
			.forEach(pairing -> previousIds.put(pairing.getHandedOverFrom(), pairing.getId()));
		Map<Long, PairingView> predecessors = new HashMap<>();
		if (!previousIds.isEmpty()) {
			views(this.pairings.findByIdIn(previousIds.keySet()), null)
				.forEach(previous -> predecessors.put(previousIds.get(previous.getId()), previous));
		}
		return predecessors;
	}

	/** The mother's active pairings, oldest first, with the children's guardians. */
	public List<PairingView> activeOfMother(Volunteer mother) {
		List<PairingView> active = views(this.pairings.findByMotherIdAndEndDateIsNullOrderByStartDate(mother.getId()),
				mother);
		// one statement for all of them (the guardians are loaded in batches)
		active.forEach(pairing -> org.hibernate.Hibernate.initialize(pairing.child().getGuardians()));
		return active;
	}

	/** The day the pairing started (for the date rules of its contacts). */
	public LocalDate startDateOf(long pairingId) {
		return this.pairings.findById(pairingId)
			.map(Pairing::getStartDate)
			.orElseThrow(() -> new NotFoundException("pairing " + pairingId));
	}

	/** The ids of all the mother's pairings, past and present. */
	public List<Long> idsOfMother(long motherId) {
		return this.pairings.idsOfMother(motherId);
	}

	/** The ids of the mother's active pairings. */
	public List<Long> activeIdsOfMother(Volunteer mother) {
		return this.pairings.findByMotherIdAndEndDateIsNullOrderByStartDate(mother.getId())
			.stream()
			.map(Pairing::getId)
			.toList();
	}

	/** Active children in the user's scope without an active pairing. */
	public Page<Child> unpaired(CurrentUser user, Pageable pageable) {
		return this.children.findActive(Scope.of(user), PairingSpecifications.withoutActivePairing(), pageable);
	}

	/**
	 * Active children without an active pairing in the filter's federation (within the
	 * user's scope), of its category and risk, in its order; empty when the federation is
	 * not within the scope.
	 * @param pageable page and size; its sort is ignored (the filter orders)
	 */
	public Page<Child> unpaired(UnpairedFilter filter, CurrentUser user, Pageable pageable) {
		Scope scope = this.federations.filterScope(user, filter.getFederationCode()).orElse(null);
		if (scope == null) {
			return Page.empty(pageable);
		}
		return this.children.findActive(scope,
				PairingSpecifications.withoutActivePairing()
					.and(PairingSpecifications.inCategory(filter.getCategory()))
					.and(PairingSpecifications.atRisk(filter.getRisk()))
					.and(PairingSpecifications.ordered(filter.getSort())),
				org.springframework.data.domain.PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
	}

	/**
	 * Since when each of these children waits for a mother: the end of her last pairing,
	 * or her registration.
	 */
	public Map<Long, LocalDate> waitingSince(List<Child> waiting) {
		Map<Long, LocalDate> since = new HashMap<>();
		if (waiting.isEmpty()) {
			return since;
		}
		for (Object[] row : this.pairings.lastEndDates(waiting.stream().map(Child::getId).toList())) {
			since.put((Long) row[0], (LocalDate) row[1]);
		}
		for (Child child : waiting) {
			since.computeIfAbsent(child.getId(), id -> LocalDate.ofInstant(child.getCreatedAt(), this.clock.getZone()));
		}
		return since;
	}

	/** Active unpaired children in the user's scope whose last mother withdrew. */
	public List<Child> needingANewMother(CurrentUser user) {
		return this.children
			.findActive(Scope.of(user),
					PairingSpecifications.withoutActivePairing().and(PairingSpecifications.lastMotherWithdrew()),
					Pageable.unpaged(Sort.by("name")))
			.getContent();
	}

	public long countActive(CurrentUser user) {
		return this.pairings.count(active(Scope.of(user)));
	}

	/**
	 * These pairings with their child, the child's federation and the mother, by id (for
	 * ids a scoped query found; no scope check here).
	 */
	public Map<Long, PairingView> detailed(java.util.Collection<Long> ids) {
		return detailed(ids, java.util.Set.of()).pairings();
	}

	/**
	 * {@link #detailed(java.util.Collection)}, and these other children looked up in the
	 * same query as the pairings' children (for ids a scoped query found; no scope check
	 * here either).
	 */
	public DetailedPairings detailed(java.util.Collection<Long> ids, java.util.Collection<Long> alsoChildIds) {
		List<Pairing> found = ids.isEmpty() ? List.of() : this.pairings.findDetailedByIdIn(ids);
		java.util.Set<Long> childIds = new java.util.HashSet<>(alsoChildIds);
		found.forEach(pairing -> childIds.add(pairing.getChildId()));
		Map<Long, Child> children = this.children.findAllById(childIds);
		Map<Long, PairingView> byId = new java.util.HashMap<>();
		viewsWith(found, children, null).forEach(pairing -> byId.put(pairing.getId(), pairing));
		return new DetailedPairings(byId, children);
	}

	static Specification<Pairing> active(Scope scope) {
		return scope.<Pairing>where("federation").and((root, query, builder) -> builder.isNull(root.get("endDate")));
	}

	/**
	 * Active mothers of the child's county with room for another child, best first:
	 * nearest, most spare capacity, skills that fit the child.
	 */
	public List<Suggestion> suggestionsFor(long childId, CurrentUser user) {
		Child child = this.children.get(childId, user);
		Federation county = countyOf(child.getFederation());
		Scope scope = Scope.of(user);
		List<Volunteer> mothers = this.volunteers.activeMothersWithin(scope.covers(county) ? Scope.of(county) : scope);
		Map<Long, Long> active = new HashMap<>();
		if (!mothers.isEmpty()) {
			for (Object[] row : this.pairings.countActiveByMother(mothers.stream().map(Volunteer::getId).toList())) {
				active.put((Long) row[0], (Long) row[1]);
			}
		}
		Map<Long, Suggestion> byId = new HashMap<>();
		List<MatchingOrder.Candidate> candidates = new ArrayList<>();
		Map<Long, ProgrammeSettings> settingsByFederation = new HashMap<>();
		for (Volunteer mother : mothers) {
			int capacity = settingsByFederation
				.computeIfAbsent(mother.getFederation().getId(),
						id -> this.federations.settings(mother.getFederation()))
				.motherCapacity();
			int count = active.getOrDefault(mother.getId(), 0L).intValue();
			Suggestion suggestion = new Suggestion(mother,
					MatchingOrder.nearness(child.getFederation().lineage(), mother.getFederation().lineage()), count,
					capacity, MatchingOrder.helpfulSkills(child.getCategories(), mother.getSkills()));
			byId.put(mother.getId(), suggestion);
			candidates.add(new MatchingOrder.Candidate(mother.getId(), mother.getName(), suggestion.nearness(),
					suggestion.spare(), suggestion.helpfulSkills()));
		}
		return MatchingOrder.rank(candidates).stream().map(candidate -> byId.get(candidate.motherId())).toList();
	}

	@Transactional
	public Pairing pair(long childId, Volunteer mother, LocalDate startDate, CurrentUser user) {
		return pair(childId, mother, startDate, user, null);
	}

	/**
	 * Pairs the child, continuing the previous pairing when a reserve takes over (see
	 * {@link HandoverService}).
	 */
	@Transactional
	Pairing pair(long childId, Volunteer mother, LocalDate startDate, CurrentUser user, Pairing previous) {
		user.requireManager();
		Child child = this.children.get(childId, user);
		Scope scope = Scope.of(user);
		if (!scope.covers(mother.getFederation())) {
			throw new NotFoundException("volunteer " + mother.getId());
		}
		int capacity = this.federations.settings(mother.getFederation()).motherCapacity();
		// every broken rule at once, so that staff fix the date and choose another mother
		// in one round
		RuleViolationException.refuseAll(
				() -> RuleViolationException.refuseIf(startDate == null, "startDate", "pairing.startDate.required"),
				() -> RuleViolationException.refuseIf(startDate != null && startDate.isAfter(LocalDate.now(this.clock)),
						"startDate", "pairing.startDate.future"),
				() -> RuleViolationException.refuseIf(child.getStatus() != ChildStatus.ACTIVE, "childId",
						"pairing.child.notActive"),
				() -> RuleViolationException.refuseIf(
						this.pairings.findByChildIdAndEndDateIsNull(child.getId()).isPresent(), "childId",
						"pairing.child.alreadyPaired"),
				() -> RuleViolationException.refuseIf(
						mother.getRole() != VolunteerRole.MOTHER || mother.getStatus() != VolunteerStatus.ACTIVE,
						"motherId", "pairing.mother.notActive"),
				() -> RuleViolationException.refuseIf(
						this.pairings.countByMotherIdAndEndDateIsNull(mother.getId()) >= capacity, "motherId",
						"pairing.mother.full", capacity));
		Pairing pairing;
		try {
			pairing = this.pairings.saveAndFlush(
					new Pairing(mother.getId(), child.getId(), child.getFederation(), startDate, user.id(), previous));
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("motherId", "pairing.child.alreadyPaired");
		}
		catch (DataAccessException ex) {
			throw new RuleViolationException("motherId", "pairing.conflict");
		}
		this.audit.record(AuditAction.CREATE, RECORD, pairing.getId(), "child " + child.getId() + " mother "
				+ mother.getId() + (previous == null ? "" : " (handover of pairing " + previous.getId() + ")"));
		return pairing;
	}

	/** How many children this mother may care for at once (her federation's rule). */
	public int capacityOf(Volunteer mother) {
		return this.federations.settings(mother.getFederation()).motherCapacity();
	}

	@Transactional
	public Pairing end(long pairingId, LocalDate endDate, PairingEndReason reason, String note, CurrentUser user) {
		user.requireManager();
		Pairing pairing = get(pairingId, user);
		RuleViolationException.refuseIf(!pairing.isActive(), "endDate", "pairing.alreadyEnded");
		String trimmed = note == null || note.isBlank() ? null : note.trim();
		RuleViolationException.refuseAll(
				() -> RuleViolationException.refuseIf(reason == null, "reason", "pairing.reason.required"),
				() -> RuleViolationException.refuseIf(endDate == null || endDate.isBefore(pairing.getStartDate())
						|| endDate.isAfter(LocalDate.now(this.clock)), "endDate", "pairing.endDate.invalid"),
				() -> RuleViolationException.refuseIf(
						trimmed != null && (trimmed.length() > 200 || !PlainTextValidator.isPlain(trimmed)), "note",
						"pairing.note.invalid"));
		pairing.end(endDate, reason, trimmed, user.id());
		this.pairings.saveAndFlush(pairing);
		this.audit.record(AuditAction.STATUS, RECORD, pairing.getId(), "ended " + reason);
		return pairing;
	}

	/**
	 * A mother who is withdrawn or suspended has her pairings ended (in the same
	 * transaction as her status change); her children then appear as needing a new
	 * mother.
	 */
	@EventListener
	@Transactional
	public void onVolunteerStatusChanged(VolunteerStatusChanged event) {
		if (event.to() != VolunteerStatus.WITHDRAWN && event.to() != VolunteerStatus.SUSPENDED) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock);
		for (Pairing pairing : this.pairings.findByMotherIdAndEndDateIsNullOrderByStartDate(event.volunteerId())) {
			pairing.end(today.isBefore(pairing.getStartDate()) ? pairing.getStartDate() : today,
					PairingEndReason.MOTHER_WITHDREW, null, null);
			this.audit.record(AuditAction.STATUS, RECORD, pairing.getId(), "ended MOTHER_WITHDREW");
		}
	}

	/**
	 * A child who moves away, whose record is closed or who turns 18 leaves her pairing
	 * (in the same transaction as her status change): her mother no longer sees her, and
	 * she no longer counts as a care gap.
	 */
	@EventListener
	@Transactional
	public void onChildStatusChanged(ChildStatusChanged event) {
		PairingEndReason reason = switch (event.to()) {
			case MOVED -> PairingEndReason.CHILD_MOVED;
			case CLOSED -> PairingEndReason.CHILD_CLOSED;
			case AGED_OUT -> PairingEndReason.CHILD_AGED_OUT;
			case ACTIVE -> null;
		};
		if (reason == null) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock);
		this.pairings.findByChildIdAndEndDateIsNull(event.childId()).ifPresent(pairing -> {
			pairing.end(today.isBefore(pairing.getStartDate()) ? pairing.getStartDate() : today, reason, null,
					event.changedBy());
			this.pairings.saveAndFlush(pairing);
			this.audit.record(AuditAction.STATUS, RECORD, pairing.getId(), "ended " + reason);
		});
	}

	/**
	 * A child placed in another federation takes all her pairings, ended ones too, with
	 * her (in the same transaction as the change): her new township's staff see them, the
	 * old one's no longer do.
	 */
	@EventListener
	@Transactional
	public void onChildFederationChanged(ChildFederationChanged event) {
		this.pairings.moveChild(event.childId(), event.toFederationId());
	}

	/**
	 * The ids of all a child's pairings, past and present, for the modules that erase
	 * what they hold about a child whose record is anonymised (no scope: a system task).
	 */
	public List<Long> idsOfChild(long childId) {
		return this.pairings.idsOfChild(childId);
	}

	/**
	 * A child's record is anonymised: the pairings stay (they are counted) but their
	 * free-text end notes, which may tell about the child, are cleared.
	 */
	@EventListener
	@Transactional
	public void onChildAnonymised(ChildAnonymised event) {
		this.pairings.clearEndNotes(event.childId());
	}

	private Federation countyOf(Federation federation) {
		if (federation.getLevel() == FederationLevel.COUNTY) {
			return federation;
		}
		return this.federations.ancestors(federation)
			.stream()
			.filter(ancestor -> ancestor.getLevel() == FederationLevel.COUNTY)
			.findFirst()
			.orElse(federation);
	}

}
