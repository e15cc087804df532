package org.caringmothers.visit;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.persistence.Versions;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.child.ChildFederationChanged;
import org.caringmothers.child.Guardian;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.common.validation.PlainTextValidator;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;
import org.caringmothers.pairing.PairingService;
import org.caringmothers.pairing.DetailedPairings;
import org.caringmothers.pairing.PairingView;
import org.caringmothers.visit.sms.SmsOutbox;
import org.caringmothers.visit.sms.SmsReminder;
import org.caringmothers.visit.sms.SmsStatus;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerService;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Contacts and what follows from them: the mother's own children with their due dates, a
 * contact recorded once however often it is sent, edits by its author for seven days, the
 * staff review queue and the care gaps of a federation.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class VisitService {

	static final String RECORD = "VISIT";

	static final String CHILD_RECORD = "CHILD";

	private final VisitRepository visits;

	private final VisitWriter writer;

	private final VisitPhotoRepository photos;

	private final PhotoStore store;

	private final PairingService pairings;

	private final VolunteerService volunteers;

	private final CareDue due;

	private final FederationService federations;

	private final ReminderRepository reminders;

	private final SmsOutbox outbox;

	private final AuditService audit;

	private final Clock clock;

	/** The caring mother behind a VOLUNTEER account, if her record is linked. */
	public Optional<Volunteer> motherOf(CurrentUser user) {
		return user.is(Role.VOLUNTEER) ? this.volunteers.motherOfAccount(user.id()) : Optional.empty();
	}

	/** Her children, the overdue ones first, then by the next due date. */
	public List<ChildCard> myChildren(CurrentUser user) {
		return motherOf(user).map(this::cardsOfMother)
			.orElse(List.of())
			.stream()
			.sorted(Comparator.comparing(ChildCard::isOverdue)
				.reversed()
				.thenComparing(ChildCard::nextDue)
				.thenComparing(card -> card.pairing().getChild().getName()))
			.toList();
	}

	/** One of her own active pairings; 404 for anything else. */
	public PairingView myPairing(long pairingId, CurrentUser user) {
		return this.pairings.hers(pairingId, user);
	}

	/**
	 * The full number of a guardian of one of her own children, for her to call. The
	 * reveal is recorded as her access to the child's record; {@code calledAt} is the
	 * time her phone gives, for a call made offline whose record is uploaded later. 404
	 * for a guardian of anyone else's child, or one without a number.
	 */
	@Transactional
	public String numberToCall(long pairingId, int guardianIndex, Instant calledAt, CurrentUser user) {
		PairingView pairing = myPairing(pairingId, user);
		List<Guardian> guardians = pairing.getChild().getGuardians();
		if (guardianIndex < 0 || guardianIndex >= guardians.size()) {
			throw new NotFoundException("guardian " + guardianIndex);
		}
		String phone = guardians.get(guardianIndex).getPhone();
		if (phone == null || phone.isBlank()) {
			throw new NotFoundException("guardian " + guardianIndex);
		}
		this.audit.record(AuditAction.REVEAL, CHILD_RECORD, pairing.getChild().getId(),
				"guardianPhone#" + (guardianIndex + 1) + " call, pairing " + pairingId
						+ ((calledAt != null) ? ", phone time " + calledAt : ""));
		return phone;
	}

	/** The last contacts of one of her pairings. */
	public List<Visit> recent(PairingView pairing) {
		return this.visits.findTop10ByPairingIdOrderByVisitDateDescIdDesc(pairing.getId());
	}

	/**
	 * Records a contact with its audit entry and its need in one transaction. The same
	 * form sent again (same token from the same author) returns the contact already
	 * recorded instead of a second one, also when both arrive at once; after a failure
	 * nothing of it is kept, so the form sent again records it all.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Visit log(long pairingId, VisitForm form, CurrentUser user) {
		return log(myPairing(pairingId, user), form, user);
	}

	/**
	 * {@link #log(long, VisitForm, CurrentUser)} on a pairing the caller has just read
	 * with {@link #myPairing}, so that a submission reads it once: it must still be hers
	 * and active (checked again here on the record read), or nothing is recorded.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Visit log(PairingView pairing, VisitForm form, CurrentUser user) {
		requireHers(pairing, user);
		checkNewContact(form, pairing.getStartDate());
		Optional<Visit> existing = this.visits.findByRecordedByAndClientToken(user.id(), form.getClientToken());
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			return this.writer.log(pairing, form, user);
		}
		catch (DataIntegrityViolationException ex) {
			return this.visits.findByRecordedByAndClientToken(user.id(), form.getClientToken()).orElseThrow(() -> ex);
		}
	}

	/**
	 * Her entries on these children that she may still correct (recorded within
	 * {@value Visit#EDITABLE_DAYS} days), by pairing id: the latest recorded
	 * {@value RecentEntries#SHOWN} of each child, newest first, with their number
	 * (counted up to {@value RecentEntries#COUNTED}). One statement, and a page that
	 * stays the same size however many entries she has made; {@link #myRecentEntries}
	 * lists them all.
	 */
	public Map<Long, RecentEntries> myEditableEntries(List<ChildCard> cards, CurrentUser user) {
		if (cards.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<RecentEntries.Line>> lines = new HashMap<>();
		Map<Long, Long> totals = new HashMap<>();
		for (Object[] row : this.visits.latestRecordedSince(user.id(),
				cards.stream().map(card -> String.valueOf(card.pairing().getId())).collect(Collectors.joining(",")),
				editableSince(), RecentEntries.SHOWN, RecentEntries.COUNTED)) {
			long pairingId = ((Number) row[1]).longValue();
			lines.computeIfAbsent(pairingId, id -> new ArrayList<>())
				.add(new RecentEntries.Line(((Number) row[0]).longValue(), localDate(row[2]),
						ContactMode.valueOf((String) row[3])));
			totals.put(pairingId, ((Number) row[4]).longValue());
		}
		Map<Long, RecentEntries> byPairing = new HashMap<>();
		lines.forEach((pairingId, list) -> byPairing.put(pairingId, new RecentEntries(list, totals.get(pairingId))));
		return byPairing;
	}

	/**
	 * All her entries that she may still correct, on her active pairings (or on one of
	 * them: one the caller has just read with {@link #myPairing}, checked again here),
	 * newest first, a page at a time.
	 */
	public Page<Visit> myRecentEntries(CurrentUser user, PairingView pairing, Pageable pageable) {
		List<Long> pairingIds;
		if (pairing != null) {
			requireHers(pairing, user);
			pairingIds = List.of(pairing.getId());
		}
		else {
			pairingIds = motherOf(user).map(this.pairings::activeIdsOfMother).orElse(List.of());
		}
		if (pairingIds.isEmpty()) {
			return Page.empty(pageable);
		}
		return this.visits.recordedSince(user.id(), pairingIds, editableSince(), pageable);
	}

	private Instant editableSince() {
		return this.clock.instant().minus(java.time.Duration.ofDays(Visit.EDITABLE_DAYS));
	}

	private static LocalDate localDate(Object value) {
		return (value instanceof java.sql.Date date) ? date.toLocalDate() : (LocalDate) value;
	}

	/** The photos of these contacts, by contact. */
	public Map<Long, List<VisitPhoto>> photosOf(List<Visit> contacts) {
		Map<Long, List<VisitPhoto>> byVisit = new HashMap<>();
		if (!contacts.isEmpty()) {
			for (VisitPhoto photo : this.photos
				.findByVisitIdInOrderById(contacts.stream().map(Visit::getId).toList())) {
				byVisit.computeIfAbsent(photo.getVisitId(), id -> new ArrayList<>()).add(photo);
			}
		}
		return byVisit;
	}

	/**
	 * Streams a photo to {@code out} for its author, the child's mother, and staff or
	 * officials whose scope covers the child; 404 for anyone else, before anything is
	 * written. Read in this (read-only) transaction, so that PostgreSQL hands the chunks
	 * over one at a time through a cursor instead of the whole photo at once.
	 */
	public void writePhoto(long photoId, CurrentUser user, java.util.function.Supplier<OutputStream> out) {
		VisitPhoto photo = allowedPhoto(photoId, user);
		this.store.writeTo(photo.getStoredName(), out.get());
	}

	private VisitPhoto allowedPhoto(long photoId, CurrentUser user) {
		VisitPhoto photo = this.photos.findById(photoId).orElseThrow(() -> new NotFoundException("photo " + photoId));
		Visit visit = this.visits.findDetailedById(photo.getVisitId())
			.orElseThrow(() -> new NotFoundException("photo " + photoId));
		boolean allowed = user.is(Role.VOLUNTEER) ? isHers(visit, user) : Scope.of(user).covers(visit.getFederation());
		if (!allowed) {
			throw new NotFoundException("photo " + photoId);
		}
		return photo;
	}

	/** One of her own contacts; 404 for anyone else's. */
	public Visit myVisit(long visitId, CurrentUser user) {
		return this.visits.findDetailedById(visitId)
			.filter(visit -> isHers(visit, user))
			.orElseThrow(() -> new NotFoundException("visit " + visitId));
	}

	/** Whether she recorded the contact or it is on one of her own pairings. */
	private boolean isHers(Visit visit, CurrentUser user) {
		return visit.getRecordedBy() == user.id() || this.pairings.isHers(visit.getPairingId(), user);
	}

	/**
	 * The pairing of one of her contacts (read with {@link #myVisit}), with its child.
	 */
	public PairingView pairingOf(Visit visit) {
		return this.pairings.detailed(List.of(visit.getPairingId())).get(visit.getPairingId());
	}

	/** The pairings of these contacts, with their children and mothers, by pairing id. */
	public Map<Long, PairingView> pairingsOf(List<Visit> contacts) {
		return this.pairings.detailed(contacts.stream().map(Visit::getPairingId).distinct().toList());
	}

	@Transactional
	public Visit update(long visitId, VisitForm form, CurrentUser user) {
		Visit visit = myVisit(visitId, user);
		RuleViolationException.refuseIf(!visit.editableAt(this.clock.instant()), null, "visit.locked");
		Versions.check(form.getVersion(), visit.getVersion(), Visit.class, visitId);
		List<VisitPhoto> current = this.photos.findByVisitIdOrderById(visitId);
		List<VisitPhoto> removed = current.stream()
			.filter(photo -> form.getRemovePhotos().contains(photo.getId()))
			.toList();
		List<org.springframework.web.multipart.MultipartFile> added = PhotoStore.chosen(form.getPhotos());
		checkCorrection(form, visit, current);
		visit.fill(form.toParameters());
		visit.edited(this.clock.instant());
		this.visits.saveAndFlush(visit);
		this.photos.deleteAll(removed);
		for (org.springframework.web.multipart.MultipartFile upload : added) {
			PhotoStore.Stored stored = this.store.store(upload);
			this.photos
				.save(new VisitPhoto(visit.getId(), stored.name(), stored.width(), stored.height(), stored.bytes()));
		}
		if (!removed.isEmpty()) {
			List<String> files = removed.stream().map(VisitPhoto::getStoredName).toList();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					files.forEach(VisitService.this.store::delete);
				}
			});
		}
		this.audit.record(AuditAction.UPDATE, RECORD, visit.getId(),
				(added.isEmpty() && removed.isEmpty()) ? null : "photos +" + added.size() + " -" + removed.size());
		return visit;
	}

	/**
	 * The full list of care gaps in the staff member's scope, filtered and paged, most
	 * overdue first: one query for the page (and its total), one for what the filters
	 * offer, whatever the number of pairings in the scope.
	 */
	public CareGapList careGapList(CurrentUser user, CareGapFilter filter, Pageable pageable) {
		user.requireManager();
		Scope scope = Scope.of(user);
		LocalDate today = LocalDate.now(this.clock);
		CareDue.Gaps gaps = this.due.gaps(scope, filter, today, pageable.getOffset(), pageable.getPageSize());
		CareDue.Options options = this.due.options(scope, today);
		Map<Long, String> townshipsByName = new java.util.LinkedHashMap<>();
		this.federations.findAllById(options.townships())
			.stream()
			.sorted(Comparator.comparing(Federation::getName).thenComparing(Federation::getId))
			.forEach(township -> townshipsByName.put(township.getId(), township.getName()));
		List<Volunteer> mothers = this.volunteers.findAllById(options.mothers())
			.stream()
			.sorted(Comparator.comparing(Volunteer::getName).thenComparing(Volunteer::getId))
			.toList();
		return new CareGapList(
				new org.springframework.data.domain.PageImpl<>(cards(gaps.rows(), today), pageable, gaps.total()),
				townshipsByName, mothers);
	}

	/**
	 * The staff's weekly digest: the first {@code lines} care gaps and their number, how
	 * many began this week, and the first {@code lines} mothers without any contact for
	 * more than {@value CareDigest#SILENT_DAYS} days and their number; with these other
	 * children looked up in the same query as the children of its pairings (ids that a
	 * scoped query found, such as the needs digest's).
	 */
	public CareDigestWithChildren careDigest(CurrentUser user, int lines, java.util.Collection<Long> alsoChildIds) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate recentFrom = today.minusDays(CareGapFilter.RECENT_DAYS - 1);
		CareDue.Digest digest = this.due.digest(Scope.of(user), today, recentFrom, CareDigest.SILENT_DAYS, lines);
		List<Long> ids = new ArrayList<>(digest.gaps().rows().stream().map(CareDue.Due::pairingId).toList());
		digest.silent().forEach(silent -> ids.add(silent.pairingId()));
		DetailedPairings detailed = this.pairings.detailed(ids, alsoChildIds);
		Map<Long, PairingView> pairings = detailed.pairings();
		List<ChildCard> gaps = digest.gaps()
			.rows()
			.stream()
			.map(row -> new ChildCard(pairings.get(row.pairingId()), row.cadence(), today, row.reminded()))
			.toList();
		List<CareDigest.SilentMother> silent = digest.silent()
			.stream()
			.map(row -> new CareDigest.SilentMother(pairings.get(row.pairingId()).getMother(), row.days(),
					row.children()))
			.sorted(Comparator.comparing(CareDigest.SilentMother::daysSinceContact)
				.reversed()
				.thenComparing(mother -> mother.mother().getName()))
			.toList();
		return new CareDigestWithChildren(
				new CareDigest(gaps, digest.gaps().total(), digest.gaps().recent(), silent, digest.silentCount()),
				detailed.children());
	}

	/**
	 * Staff remind the mother of a pairing in their scope: it shows on her home page
	 * until she logs a contact, and goes to her phone as the SMS of the day (the one way
	 * to reach a mother without a sign-in account). Answers where that SMS stands.
	 */
	@Transactional
	public SmsStatus remind(long pairingId, CurrentUser user) {
		user.requireManager();
		PairingView pairing = this.pairings.view(pairingId, user);
		RuleViolationException.refuseIf(!pairing.isActive(), null, "pairing.alreadyEnded");
		Volunteer mother = pairing.getMother();
		RuleViolationException.refuseIf(mother.getAccountId() == null && !this.outbox.gatewayConfigured(), null,
				"visit.remind.noChannel");
		List<ChildCard> waiting = cardsOfMother(mother).stream()
			.filter(card -> card.isOverdue() || card.pairing().getId().equals(pairingId))
			.toList();
		long days = waiting.stream().mapToLong(ChildCard::daysOverdue).max().orElse(0);
		long message = this.outbox.queue(mother.getId(), new SmsReminder(mother.getName(), days, waiting.size()));
		this.reminders.save(new Reminder(pairing.getId(), pairing.getFederation(), user.id(), message));
		this.audit.record(AuditAction.CREATE, "REMINDER", pairingId, "sms " + message);
		return this.outbox.messages(List.of(message)).get(message).status();
	}

	/**
	 * A child placed in another federation takes the reminders (and contacts) of all her
	 * pairings with her, in the same transaction as the change: her new township's staff
	 * see them, the old one's no longer do.
	 */
	@EventListener
	@Transactional
	public void onChildFederationChanged(ChildFederationChanged event) {
		List<Long> ids = this.pairings.idsOfChild(event.childId());
		if (!ids.isEmpty()) {
			this.reminders.move(ids, event.toFederationId());
			this.visits.move(ids, event.toFederationId());
		}
	}

	/**
	 * Whether a reminder can reach a mother without a sign-in account: by SMS, when a
	 * gateway is configured.
	 */
	public boolean remindersBySms() {
		return this.outbox.gatewayConfigured();
	}

	/**
	 * The reminders sent to mothers in the staff member's scope (or to one of them),
	 * newest first, each with its SMS.
	 */
	public Page<ReminderLine> reminders(CurrentUser user, Long motherId, Pageable pageable) {
		user.requireManager();
		Specification<Reminder> spec = Scope.of(user).where("federation");
		if (motherId != null) {
			List<Long> hers = this.pairings.idsOfMother(motherId);
			if (hers.isEmpty()) {
				return Page.empty(pageable);
			}
			spec = spec.and((root, query, builder) -> root.get("pairingId").in(hers));
		}
		Page<Reminder> page = this.reminders.findAll(spec, PageRequest.of(pageable.getPageNumber(),
				pageable.getPageSize(), Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
		Map<Long, SmsOutbox.Message> sms = this.outbox.messages(page.getContent()
			.stream()
			.map(Reminder::getSmsMessageId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		Map<Long, PairingView> pairingViews = this.pairings
			.detailed(page.getContent().stream().map(Reminder::getPairingId).distinct().toList());
		return page.map(reminder -> new ReminderLine(reminder, pairingViews.get(reminder.getPairingId()),
				(reminder.getSmsMessageId() != null) ? sms.get(reminder.getSmsMessageId()) : null));
	}

	public Page<Visit> reviewQueue(CurrentUser user, Pageable pageable) {
		Specification<Visit> unreviewed = (root, query, builder) -> builder.isNull(root.get("reviewedAt"));
		return this.visits.findAll(Scope.of(user).<Visit>where("federation").and(unreviewed), PageRequest
			.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "createdAt")));
	}

	@Transactional
	public Visit review(long visitId, boolean flag, String comment, CurrentUser user) {
		user.requireManager();
		Visit visit = Scope.of(user)
			.require(this.visits.findDetailedById(visitId), Visit::getFederation, "visit " + visitId);
		String trimmed = comment == null || comment.isBlank() ? null : comment.trim();
		RuleViolationException.refuseIf(flag && trimmed == null, "comment", "visit.review.commentRequired");
		RuleViolationException.refuseIf(
				trimmed != null && (trimmed.length() > 500 || !PlainTextValidator.isPlain(trimmed)), "comment",
				"visit.review.commentInvalid");
		visit.review(user.id(), flag, trimmed, this.clock.instant());
		this.audit.record(AuditAction.STATUS, RECORD, visit.getId(), flag ? "flagged" : "reviewed");
		return visit;
	}

	/**
	 * Checks the rules of a contact form that is shown again anyway (it has other
	 * errors), so that every problem is reported in one round; saves nothing.
	 * @param visitId the contact corrected, or null for a new one on the pairing
	 */
	@Transactional(readOnly = true)
	/**
	 * The rules of a new contact on a pairing the caller has just read with
	 * {@link #myPairing} (see {@link #checkForm}).
	 */
	public void checkNewContact(PairingView pairing, VisitForm form, CurrentUser user) {
		requireHers(pairing, user);
		checkNewContact(form, pairing.getStartDate());
	}

	private static void requireHers(PairingView pairing, CurrentUser user) {
		if (pairing == null || !pairing.isActive() || !PairingService.isHers(pairing, user)) {
			throw new NotFoundException("pairing " + ((pairing == null) ? null : pairing.getId()));
		}
	}

	public void checkForm(long pairingId, Long visitId, VisitForm form, CurrentUser user) {
		if (visitId == null) {
			checkNewContact(form, myPairing(pairingId, user).getStartDate());
		}
		else {
			checkCorrection(form, myVisit(visitId, user), this.photos.findByVisitIdOrderById(visitId));
		}
	}

	/** Every rule of a new contact, all broken rules reported together. */
	private void checkNewContact(VisitForm form, LocalDate pairingStart) {
		RuleViolationException.refuseAll(() -> checkDate(form, pairingStart), () -> {
			String photoProblem = PhotoStore.problem(form.getPhotos());
			RuleViolationException.refuseIf(photoProblem != null, "photos", photoProblem);
		}, () -> {
			if (form.hasNeed() && (form.getNeedCategory() == null || form.getNeedDescription() == null
					|| form.getNeedDescription().isBlank())) {
				throw new RuleViolationException(form.getNeedCategory() == null ? "needCategory" : "needDescription",
						"visit.need.incomplete");
			}
		});
	}

	/** Every rule of a correction, all broken rules reported together. */
	private void checkCorrection(VisitForm form, Visit visit, List<VisitPhoto> current) {
		long removed = current.stream().filter(photo -> form.getRemovePhotos().contains(photo.getId())).count();
		List<org.springframework.web.multipart.MultipartFile> added = PhotoStore.chosen(form.getPhotos());
		LocalDate pairingStart = this.pairings.startDateOf(visit.getPairingId());
		RuleViolationException.refuseAll(() -> checkDate(form, pairingStart), () -> {
			String photoProblem = PhotoStore.problem(added);
			if (photoProblem == null && current.size() - removed + added.size() > PhotoStore.MAX_PHOTOS) {
				photoProblem = "visit.photo.tooMany";
			}
			RuleViolationException.refuseIf(photoProblem != null, "photos", photoProblem);
		});
	}

	private void checkDate(VisitForm form, LocalDate pairingStart) {
		if (form.getVisitDate() == null) {
			return;
		}
		RuleViolationException.refuseIf(form.getVisitDate().isAfter(LocalDate.now(this.clock)), "visitDate",
				"visit.date.future");
		RuleViolationException.refuseIf(form.getVisitDate().isBefore(pairingStart), "visitDate",
				"visit.date.beforePairing");
	}

	/** The cards of her active pairings (loaded with what her page shows). */
	private List<ChildCard> cardsOfMother(Volunteer mother) {
		List<PairingView> active = this.pairings.activeOfMother(mother);
		if (active.isEmpty()) {
			return List.of();
		}
		Map<Long, CareDue.Due> dues = new HashMap<>();
		this.due.ofMother(mother.getId()).forEach(row -> dues.put(row.pairingId(), row));
		LocalDate today = LocalDate.now(this.clock);
		List<ChildCard> cards = new ArrayList<>();
		for (PairingView pairing : active) {
			CareDue.Due row = dues.get(pairing.getId());
			if (row != null) {
				cards.add(new ChildCard(pairing, row.cadence(), today, row.reminded()));
			}
		}
		return cards;
	}

	/** The cards of these rows, in their order, with their pairings loaded at once. */
	private List<ChildCard> cards(List<CareDue.Due> rows, LocalDate today) {
		Map<Long, PairingView> pairings = this.pairings.detailed(rows.stream().map(CareDue.Due::pairingId).toList());
		return rows.stream()
			.map(row -> new ChildCard(pairings.get(row.pairingId()), row.cadence(), today, row.reminded()))
			.toList();
	}

}
