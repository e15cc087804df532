package org.caringmothers.event;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.persistence.Versions;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.persistence.GroupCounts;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;
import org.caringmothers.volunteer.TrainingParameters;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerFilter;
import org.caringmothers.volunteer.VolunteerForm;
import org.caringmothers.volunteer.VolunteerService;
import org.caringmothers.volunteer.VolunteerStatus;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events and their rules: a federation within the user's scope, hours and trainer for a
 * training, attendance only once an event has taken place, each volunteer listed once; a
 * training's hours credited to (and taken back from) each attending volunteer's training
 * record through the volunteer register, and applicants registered at a recruitment
 * drive.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class EventService {

	static final String RECORD = "EVENT";

	static final int CANDIDATES = 50;

	/** The most volunteers listed in one go. */
	static final int MAX_AT_ONCE = 100;

	private final EventRepository events;

	private final EventAttendeeRepository attendees;

	private final EventRecruitRepository recruits;

	private final FederationService federations;

	private final VolunteerService volunteers;

	private final AuditService audit;

	private final GroupCounts counts;

	private final Clock clock;

	public Page<Event> list(EventFilter filter, CurrentUser user, Pageable pageable) {
		Specification<Event> spec = specification(filter, user);
		if (spec == null) {
			return Page.empty(pageable);
		}
		Specification<Event> fetchFederation = (root, query, builder) -> {
			if (query.getResultType() == Event.class) {
				root.fetch("federation");
			}
			return builder.conjunction();
		};
		return this.events.findAll(spec.and(fetchFederation), pageable);
	}

	/** Counts by type within the same scope and filters, the type filter aside. */
	public Map<EventType, Long> countByType(EventFilter filter, CurrentUser user) {
		return this.counts.countBy(Event.class, "type", EventType.class, specification(filter.withoutType(), user));
	}

	/** An event within the user's scope, or 404. */
	public Event get(long id, CurrentUser user) {
		return Scope.of(user).require(this.events.findDetailedById(id), event -> event.getFederation(), "event " + id);
	}

	/**
	 * Everything the event's page shows; {@code search} finds volunteers in the user's
	 * scope by name or phone number to add to the attendance.
	 */
	public EventDetails details(long id, String search, CurrentUser user) {
		Event event = get(id, user);
		List<Volunteer> candidates = List.of();
		if (search != null && !search.isBlank() && user.isManager()) {
			VolunteerFilter filter = new VolunteerFilter();
			filter.setQ(search);
			candidates = this.volunteers
				.list(filter, user, PageRequest.of(0, CANDIDATES, Sort.by("name").and(Sort.by("id"))))
				.getContent()
				.stream()
				.filter(volunteer -> volunteer.getStatus() != VolunteerStatus.WITHDRAWN)
				.toList();
		}
		List<EventAttendee> attended = this.attendees.findByEventId(id);
		List<EventRecruit> recruited = this.recruits.findByEventIdOrderByAddedAtAscIdAsc(id);
		Map<Long, Volunteer> listed = this.volunteers
			.findAllById(
					Stream.concat(attended.stream(), recruited.stream()).map(EventVolunteer::getVolunteerId).toList())
			.stream()
			.collect(Collectors.toMap(Volunteer::getId, volunteer -> volunteer));
		List<Volunteer> attendeeList = attended.stream()
			.map(attendee -> listed.get(attendee.getVolunteerId()))
			.sorted(Comparator.comparing(Volunteer::getName).thenComparing(Volunteer::getId))
			.toList();
		List<Volunteer> recruitList = recruited.stream().map(recruit -> listed.get(recruit.getVolunteerId())).toList();
		return new EventDetails(event, attendeeList, recruitList, candidates);
	}

	@Transactional
	public Event create(EventForm form, CurrentUser user) {
		user.requireManager();
		Federation federation = checkAll(form, null, user);
		Event event = new Event(user.id());
		event.update(federation, form.toParameters());
		event = this.events.saveAndFlush(event);
		this.audit.record(AuditAction.CREATE, RECORD, event.getId(), event.getType() + " " + event.getTitle());
		return event;
	}

	@Transactional
	public Event update(long id, EventForm form, CurrentUser user) {
		user.requireManager();
		Event event = get(id, user);
		Versions.check(form.getVersion(), event.getVersion(), Event.class, id);
		Federation federation = checkAll(form, event, user);
		long listed = this.attendees.countByEventId(id);
		event.update(federation, form.toParameters());
		event = this.events.saveAndFlush(event);
		if (event.isTraining() && listed > 0) {
			this.volunteers.updateTrainingCredits(id, trainingOf(event), user);
		}
		this.audit.record(AuditAction.UPDATE, RECORD, id, event.getType() + " " + event.getTitle());
		return event;
	}

	/**
	 * Lists a volunteer as attending an event that has taken place; for a training, her
	 * training record is credited with its hours (once).
	 */
	@Transactional
	public Volunteer addAttendee(long id, long volunteerId, CurrentUser user) {
		user.requireManager();
		Event event = get(id, user);
		RuleViolationException.refuseIf(!event.heldBy(today()), "volunteerId", "event.attendance.notYet");
		Volunteer volunteer = this.volunteers.get(volunteerId, user);
		RuleViolationException.refuseIf(volunteer.getStatus() == VolunteerStatus.WITHDRAWN, "volunteerId",
				"event.attendee.withdrawn", volunteer.getName());
		RuleViolationException.refuseIf(this.attendees.findByEventIdAndVolunteerId(id, volunteerId).isPresent(),
				"volunteerId", "event.attendee.already", volunteer.getName());
		try {
			this.attendees.saveAndFlush(new EventAttendee().<EventAttendee>list(id, volunteerId, user.id()));
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("volunteerId", "event.attendee.already", volunteer.getName());
		}
		event.countAtLeast((int) this.attendees.countByEventId(id));
		this.events.saveAndFlush(event);
		if (event.isTraining()) {
			this.volunteers.creditTraining(volunteerId, id, trainingOf(event), user);
		}
		this.audit.record(AuditAction.UPDATE, RECORD, id, "attendee volunteer #" + volunteerId);
		return volunteer;
	}

	/**
	 * Lists several volunteers at once, all or none: each volunteer who may not be listed
	 * is named, the whole batch is refused, and nothing is saved.
	 * @return how many were listed
	 */
	@Transactional
	public int addAttendees(long id, Collection<Long> volunteerIds, CurrentUser user) {
		RuleViolationException.refuseIf(volunteerIds.isEmpty(), "volunteerIds", "event.attendees.noneChosen");
		RuleViolationException.refuseIf(volunteerIds.size() > MAX_AT_ONCE, "volunteerIds", "event.attendees.tooMany",
				String.valueOf(MAX_AT_ONCE));
		// every volunteer who may not be listed is named at once; the transaction then
		// rolls back those already listed
		RuleViolationException.refuseAll(new LinkedHashSet<>(volunteerIds).stream()
			.map(volunteerId -> (Runnable) () -> addAttendee(id, volunteerId, user))
			.toArray(Runnable[]::new));
		return new LinkedHashSet<>(volunteerIds).size();
	}

	/** Takes a volunteer off the attendance, and back the hours a training credited. */
	@Transactional
	public Volunteer removeAttendee(long id, long volunteerId, CurrentUser user) {
		user.requireManager();
		Event event = get(id, user);
		EventAttendee attendee = this.attendees.findByEventIdAndVolunteerId(id, volunteerId)
			.orElseThrow(() -> new NotFoundException("attendee " + id + "/" + volunteerId));
		Volunteer volunteer = this.volunteers.findAllById(List.of(volunteerId)).get(0);
		this.attendees.delete(attendee);
		if (event.isTraining()) {
			this.volunteers.withdrawTrainingCredit(volunteerId, id, user);
		}
		this.audit.record(AuditAction.UPDATE, RECORD, id, "attendee volunteer #" + volunteerId + " removed");
		return volunteer;
	}

	/**
	 * Registers an applicant at a recruitment drive that has taken place: she enters the
	 * volunteer register as APPLIED and is listed as recruited there.
	 */
	@Transactional
	public Volunteer recruit(long id, VolunteerForm form, CurrentUser user) {
		user.requireManager();
		Event event = get(id, user);
		RuleViolationException.refuseIf(!event.isRecruitment(), null, "event.recruit.notRecruitment");
		RuleViolationException.refuseIf(!event.heldBy(today()), null, "event.recruit.notYet");
		Volunteer volunteer = this.volunteers.register(form, user);
		this.recruits.saveAndFlush(new EventRecruit().<EventRecruit>list(id, volunteer.getId(), user.id()));
		this.audit.record(AuditAction.UPDATE, RECORD, id, "recruited volunteer #" + volunteer.getId());
		return volunteer;
	}

	/**
	 * Checks the rules of a form that is shown again anyway (it has other errors), so
	 * that every problem is reported in one round; saves nothing.
	 * @param id the event edited, or null for a new one
	 */
	@Transactional(readOnly = true)
	public void checkForm(EventForm form, Long id, CurrentUser user) {
		checkAll(form, id == null ? null : get(id, user), user);
	}

	/** The federation and every rule of the form, all broken rules reported together. */
	private Federation checkAll(EventForm form, Event existing, CurrentUser user) {
		Federation[] federation = new Federation[1];
		List<Runnable> rules = new java.util.ArrayList<>();
		rules.add(() -> federation[0] = checkedFederation(form.getFederationCode(), user));
		if (form.getType() == EventType.TRAINING) {
			rules.add(() -> RuleViolationException.refuseIf(form.getHours() == null, "hours", "event.hours.required"));
			rules.add(() -> RuleViolationException.refuseIf(form.getTrainer() == null || form.getTrainer().isBlank(),
					"trainer", "event.trainer.required"));
		}
		boolean future = form.getEventDate() != null && form.getEventDate().isAfter(today());
		int count = form.getAttendanceCount() == null ? 0 : form.getAttendanceCount();
		rules.add(() -> RuleViolationException.refuseIf(future && count > 0, "attendanceCount",
				"event.attendanceCount.future"));
		if (existing != null) {
			long listed = this.attendees.countByEventId(existing.getId());
			boolean held = listed > 0 || this.recruits.existsByEventId(existing.getId());
			rules.add(() -> RuleViolationException.refuseIf(
					held && form.getType() != null && form.getType() != existing.getType(), "type",
					"event.type.locked"));
			rules.add(() -> RuleViolationException.refuseIf(held && future, "eventDate", "event.date.attended"));
			rules.add(() -> RuleViolationException.refuseIf(form.getAttendanceCount() != null && count < listed,
					"attendanceCount", "event.attendanceCount.belowList", listed));
		}
		RuleViolationException.refuseAll(rules.toArray(Runnable[]::new));
		return federation[0];
	}

	private static TrainingParameters trainingOf(Event event) {
		return new TrainingParameters(event.getEventDate(), event.getTitle(), event.getHours(), event.getTrainer());
	}

	private Federation checkedFederation(String code, CurrentUser user) {
		return this.federations.findByCode(code, Scope.of(user))
			.orElseThrow(() -> new RuleViolationException("federationCode", "event.federation.unknown"));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private Specification<Event> specification(EventFilter filter, CurrentUser user) {
		Scope scope = this.federations.filterScope(user, filter.getFederationCode()).orElse(null);
		if (scope == null) {
			return null;
		}
		Specification<Event> spec = scope.where("federation");
		if (filter.getType() != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("type"), filter.getType()));
		}
		if (filter.getFrom() != null) {
			spec = spec
				.and((root, query, builder) -> builder.greaterThanOrEqualTo(root.get("eventDate"), filter.getFrom()));
		}
		if (filter.getTo() != null) {
			spec = spec.and((root, query, builder) -> builder.lessThanOrEqualTo(root.get("eventDate"), filter.getTo()));
		}
		return spec;
	}

}
