package org.caringmothers.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.persistence.Versions;
import org.caringmothers.common.Gender;
import org.caringmothers.account.AccountService;
import org.caringmothers.account.Activation;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.persistence.BatchImport;
import org.caringmothers.common.persistence.GroupCounts;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.privacy.Masking;
import org.caringmothers.common.privacy.PhoneNumbers;
import org.caringmothers.common.privacy.ProtectedColumn;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.validation.Texts;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationLevel;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;
import org.caringmothers.federation.Station;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of caring mothers and reserve volunteers and its rules: a home federation
 * at county, township or village level within the user's scope, one record per identity
 * number anywhere, the lifecycle and its steps, training hours, at most three reserves
 * per mother; numbers encrypted, masked and audited.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class VolunteerService {

	static final String RECORD = "VOLUNTEER";

	static final int MAX_RESERVES = 3;

	static final int ADULT_AGE = 18;

	private final VolunteerRepository volunteers;

	private final StatusChangeRepository statusChanges;

	private final TrainingRecordRepository trainings;

	private final FederationService federations;

	private final SensitiveDataCipher cipher;

	private final AuditService audit;

	private final AccountService accounts;

	private final ApplicationEventPublisher events;

	private final EntityManager entityManager;

	private final GroupCounts counts;

	private final Clock clock;

	@Value("${caringmothers.volunteer.required-training-hours:2}")
	private BigDecimal requiredTrainingHours = BigDecimal.valueOf(2);

	public Page<Volunteer> list(VolunteerFilter filter, CurrentUser user, Pageable pageable) {
		Specification<Volunteer> spec = specification(filter, user);
		if (spec == null) {
			return Page.empty(pageable);
		}
		return this.volunteers.findAll(spec.and(Scope.fetching("federation")), pageable);
	}

	/** Counts by status within the same scope and filters, the status filter aside. */
	public Map<VolunteerStatus, Long> countByStatus(VolunteerFilter filter, CurrentUser user) {
		return this.counts.countBy(Volunteer.class, "status", VolunteerStatus.class,
				specification(filter.withoutStatus(), user));
	}

	/** Active caring mothers in the scope, with their federation. */
	public List<Volunteer> activeMothersWithin(Scope scope) {
		return this.volunteers.findAll(scope.<Volunteer>where("federation")
			.and((root, query, builder) -> builder.and(builder.equal(root.get("role"), VolunteerRole.MOTHER),
					builder.equal(root.get("status"), VolunteerStatus.ACTIVE)))
			.and(Scope.fetching("federation")));
	}

	/**
	 * These volunteers (those that exist) with their federation and skills, in one
	 * statement, for modules that show a volunteer beside their own records (a pairing's
	 * mother, an event's attendees); no scope check: the caller has already scoped its
	 * own records.
	 */
	public List<Volunteer> findAllById(java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.volunteers.findWithSkillsByIdIn(ids);
	}

	/** The volunteer linked to a sign-in account, with her federation, if any. */
	public Optional<Volunteer> motherOfAccount(long accountId) {
		return this.volunteers.findByAccountId(accountId);
	}

	/**
	 * Mothers that this reserve could back: not withdrawn, not already backed by her, and
	 * with fewer than the maximum number of reserves.
	 */
	private static Specification<Volunteer> mothersToBack(long reserveId) {
		return (mother, query, builder) -> {
			Subquery<Long> backed = query.subquery(Long.class);
			Root<Volunteer> reserve = backed.from(Volunteer.class);
			backed.select(reserve.join("mothers").get("id")).where(builder.equal(reserve.get("id"), reserveId));
			Subquery<Long> reserves = query.subquery(Long.class);
			Root<Volunteer> other = reserves.from(Volunteer.class);
			Join<Volunteer, Volunteer> otherMothers = other.join("mothers");
			reserves.select(builder.count(other)).where(builder.equal(otherMothers.get("id"), mother.get("id")));
			return builder.and(builder.equal(mother.get("role"), VolunteerRole.MOTHER),
					builder.notEqual(mother.get("status"), VolunteerStatus.WITHDRAWN),
					builder.not(mother.get("id").in(backed)), builder.lessThan(reserves, (long) MAX_RESERVES));
		};
	}

	/** A volunteer within the user's scope, or 404. */
	public Volunteer get(long id, CurrentUser user) {
		return Scope.of(user)
			.require(this.volunteers.findDetailedById(id), volunteer -> volunteer.getFederation(), "volunteer " + id);
	}

	/** Everything the volunteer's page shows. */
	public VolunteerProfile profile(long id, CurrentUser user) {
		Volunteer volunteer = get(id, user);
		List<Volunteer> reserves = volunteer.isMother() ? this.volunteers.findReservesOf(id) : List.of();
		List<Volunteer> mothers = volunteer.isReserve() ? this.volunteers.findMothersBackedBy(id) : List.of();
		List<Volunteer> mothersToBack = List.of();
		if (volunteer.isReserve() && volunteer.getStatus() != VolunteerStatus.WITHDRAWN && user.isManager()) {
			mothersToBack = this.volunteers.findAll(backingScope(volunteer, user).<Volunteer>where("federation")
				.and(mothersToBack(id))
				.and(Scope.fetching("federation")), Sort.by("federation.code", "name", "id"));
		}
		return new VolunteerProfile(volunteer, this.statusChanges.findByVolunteerIdOrderByChangedAtAscIdAsc(id),
				this.trainings.findByVolunteerIdOrderByTrainingDateDescIdDesc(id), this.trainings.totalHours(id),
				this.requiredTrainingHours, reserves, mothers, mothersToBack,
				this.accounts.signInAccount(volunteer.getAccountId()).orElse(null));
	}

	/**
	 * The reserves backing this caring mother, each with what she still lacks to take
	 * over the mother's children (empty for a reserve).
	 */
	public List<CareReadiness> reservesReadiness(long motherId, CurrentUser user) {
		Volunteer mother = get(motherId, user);
		if (!mother.isMother()) {
			return List.of();
		}
		return this.volunteers.findReservesOf(motherId).stream().map(this::readiness).toList();
	}

	private CareReadiness readiness(Volunteer volunteer) {
		boolean available = volunteer.getStatus() != VolunteerStatus.SUSPENDED
				&& volunteer.getStatus() != VolunteerStatus.WITHDRAWN;
		return new CareReadiness(volunteer, available, volunteer.isScreened(),
				this.trainings.totalHours(volunteer.getId()), this.requiredTrainingHours,
				volunteer.getOathDate() != null);
	}

	/**
	 * 接替: a reserve backing the leaving mother becomes an active caring mother, when she
	 * meets the conditions of an active mother (screened, trained, sworn in). Her
	 * lifecycle history and the audit log record whom she took over from.
	 * @throws RuleViolationException when she is not one of the mother's reserves or is
	 * not ready
	 */
	@Transactional
	public Volunteer takeOverAsMother(long reserveId, long leavingMotherId, CurrentUser user) {
		user.requireManager();
		Volunteer reserve = get(reserveId, user);
		Volunteer leaving = get(leavingMotherId, user);
		RuleViolationException.refuseIf(
				!reserve.isReserve() || this.volunteers.findMothersBackedBy(reserveId)
					.stream()
					.noneMatch(mother -> mother.getId().equals(leaving.getId())),
				"reserve", "handover.reserve.notHers", reserve.getName());
		CareReadiness readiness = readiness(reserve);
		RuleViolationException.refuseIf(!readiness.ready(), "reserve", "handover.reserve.notReady", reserve.getName());
		VolunteerStatus from = reserve.getStatus();
		reserve.becomeMother();
		this.volunteers.saveAndFlush(reserve);
		syncAccountWithStatus(reserve);
		this.statusChanges.save(StatusChange.becameMother(reserveId, from, user.id(), user.displayName(),
				this.clock.instant(), leaving.getName()));
		this.audit.record(AuditAction.UPDATE, RECORD, reserveId,
				"reserve became a caring mother, taking over from mother #" + leavingMotherId);
		if (from != VolunteerStatus.ACTIVE) {
			this.events.publishEvent(new VolunteerStatusChanged(reserveId, from, VolunteerStatus.ACTIVE));
		}
		return reserve;
	}

	/** The stations a volunteer of this federation may belong to (for the form). */
	public List<Station> stations(String federationCode, CurrentUser user) {
		return this.federations.findByCode(federationCode, Scope.of(user))
			.map(this.federations::stations)
			.orElse(List.of());
	}

	public BigDecimal requiredTrainingHours() {
		return this.requiredTrainingHours;
	}

	@Transactional
	public Volunteer register(VolunteerForm form, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = newVolunteer(form, user, null);
		try {
			volunteer = this.volunteers.saveAndFlush(volunteer);
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("idNumber", "volunteer.idNumber.taken");
		}
		this.statusChanges.save(new StatusChange(volunteer.getId(), null, VolunteerStatus.APPLIED, user.id(),
				user.displayName(), this.clock.instant(), null));
		this.audit.record(AuditAction.CREATE, RECORD, volunteer.getId(),
				volunteer.getRole() + " " + volunteer.getName());
		return volunteer;
	}

	/**
	 * Runs every check of a registration without saving (used to check imported rows).
	 */
	public void checkNewVolunteer(VolunteerForm form, CurrentUser user) {
		user.requireManager();
		newVolunteer(form, user, null);
	}

	/**
	 * Checks the rules of a form that is shown again anyway (it has other errors), so
	 * that every problem, the scope and the ID number's check digit included, is reported
	 * at once; saves nothing. Rules whose fields are missing are left to their own
	 * errors.
	 * @param id the volunteer edited, or null for a new one
	 */
	@Transactional(readOnly = true)
	public void checkForm(VolunteerForm form, Long id, CurrentUser user) {
		user.requireManager();
		Volunteer existing = id == null ? null : get(id, user);
		String idNumber = IdNumbers.normalise(form.getIdNumber());
		boolean typed = idNumber != null && !idNumber.isEmpty();
		RuleViolationException.refuseAll(() -> {
			if (form.getFederationCode() != null && !form.getFederationCode().isBlank()) {
				checkedStation(checkedFederation(form.getFederationCode(), user), form.getStationId());
			}
		}, () -> {
			if (typed && form.getBirthDate() != null && form.getGender() != null) {
				checkIdNumber(idNumber, form, existing, user);
			}
			else if (typed) {
				String problem = IdNumbers.problem(idNumber);
				RuleViolationException.refuseIf(problem != null, "idNumber", problem);
			}
		}, () -> {
			if (form.getPhone() != null && !form.getPhone().isBlank()) {
				checkedPhone(form.getPhone());
			}
		}, () -> {
			if (form.getBirthDate() != null) {
				checkPerson(form);
			}
		});
	}

	/**
	 * Registers imported rows inside the caller's transaction (the import's), checking
	 * every rule again; the caller writes the audit entries for all rows at once. The
	 * persistence context is flushed and cleared in batches so that thousands of rows
	 * stay fast.
	 * @return the new volunteers' ids, in order
	 */
	@Transactional
	public List<Long> registerImported(List<VolunteerForm> forms, CurrentUser user, IntConsumer onRow) {
		user.requireManager();
		return BatchImport.save(this.entityManager, forms,
				(VolunteerForm form, Map<String, Federation> federations) -> {
					Volunteer volunteer = this.volunteers.save(newVolunteer(form, user, federations));
					this.statusChanges.save(new StatusChange(volunteer.getId(), null, VolunteerStatus.APPLIED,
							user.id(), user.displayName(), this.clock.instant(), "import"));
					return volunteer.getId();
				}, onRow);
	}

	/**
	 * A new volunteer from the form, every rule checked; federations looked up once per
	 * code when cached.
	 */
	private Volunteer newVolunteer(VolunteerForm form, CurrentUser user, Map<String, Federation> federationsByCode) {
		Federation[] federation = new Federation[1];
		Station[] station = new Station[1];
		String[] phone = new String[1];
		String idNumber = IdNumbers.normalise(form.getIdNumber());
		// every rule at once, so that the form shows all its problems in one round
		RuleViolationException.refuseAll(() -> {
			federation[0] = federationsByCode == null ? checkedFederation(form.getFederationCode(), user)
					: federationsByCode.computeIfAbsent(form.getFederationCode(),
							code -> checkedFederation(code, user));
			station[0] = checkedStation(federation[0], form.getStationId());
		}, () -> checkIdNumber(idNumber, form, null, user), () -> phone[0] = checkedPhone(form.getPhone()),
				() -> checkPerson(form));
		Volunteer volunteer = new Volunteer(user.id());
		volunteer.update(federation[0], station[0], form.toParameters());
		volunteer.setPhone(phone[0]);
		applyIdNumber(volunteer, idNumber);
		return volunteer;
	}

	@Transactional
	public Volunteer update(long id, VolunteerForm form, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = get(id, user);
		Versions.check(form.getVersion(), volunteer.getVersion(), Volunteer.class, id);
		Volunteer stored = volunteer;
		Federation[] federation = new Federation[1];
		Station[] station = new Station[1];
		String[] phone = new String[1];
		String idNumber = IdNumbers.normalise(form.getIdNumber());
		boolean newIdNumber = idNumber != null && !idNumber.isEmpty();
		// every rule at once, so that the form shows all its problems in one round
		RuleViolationException.refuseAll(() -> {
			federation[0] = checkedFederation(form.getFederationCode(), user);
			station[0] = checkedStation(federation[0], form.getStationId());
		}, () -> checkIdNumber(
				newIdNumber ? idNumber
						: this.cipher.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, stored.getIdNumberCipher()),
				form, newIdNumber ? stored : null, user),
				() -> phone[0] = (form.getPhone() == null || form.getPhone().isBlank()) ? stored.getPhone()
						: checkedPhone(form.getPhone()),
				() -> checkPerson(form),
				() -> RuleViolationException.refuseIf(
						form.getRole() != stored.getRole() && (!this.volunteers.findReservesOf(id).isEmpty()
								|| !this.volunteers.findMothersBackedBy(id).isEmpty()),
						"role", "volunteer.role.linked"));
		volunteer.update(federation[0], station[0], form.toParameters());
		volunteer.setPhone(phone[0]);
		if (newIdNumber) {
			applyIdNumber(volunteer, idNumber);
		}
		try {
			volunteer = this.volunteers.saveAndFlush(volunteer);
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("idNumber", "volunteer.idNumber.taken");
		}
		if (volunteer.getAccountId() != null) {
			this.accounts.followVolunteer(volunteer.getAccountId(), volunteer.getName(), federation[0]);
		}
		this.audit.record(AuditAction.UPDATE, RECORD, volunteer.getId(), volunteer.getName());
		return volunteer;
	}

	/**
	 * Takes one lifecycle step, records who took it, when and why, ends the backing links
	 * of a withdrawn volunteer and publishes {@link VolunteerStatusChanged}.
	 */
	@Transactional
	public Volunteer changeStatus(long id, StatusChangeForm step, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = get(id, user);
		VolunteerStatus from = volunteer.getStatus();
		VolunteerLifecycle.check(from, step, this.trainings.totalHours(id), this.requiredTrainingHours,
				LocalDate.now(this.clock));
		volunteer.moveTo(step.getTo(), step.getOathDate(), step.getNote());
		this.volunteers.saveAndFlush(volunteer);
		syncAccountWithStatus(volunteer);
		String note = Texts.trimToNull(step.getNote());
		this.statusChanges
			.save(new StatusChange(id, from, step.getTo(), user.id(), user.displayName(), this.clock.instant(), note));
		int endedLinks = (step.getTo() == VolunteerStatus.WITHDRAWN && volunteer.isReserve())
				? this.volunteers.endBackings(id) : 0;
		this.audit.record(AuditAction.STATUS, RECORD, id,
				from + " -> " + step.getTo() + (endedLinks > 0 ? " (" + endedLinks + " backing links ended)" : ""));
		this.events.publishEvent(new VolunteerStatusChanged(id, from, step.getTo()));
		return volunteer;
	}

	/** The local brand of the programme where she serves, for her slip. */
	public String programmeName(Volunteer volunteer) {
		return this.federations.programmeName(volunteer.getFederation()).orElse(null);
	}

	/**
	 * A sign-in name proposed for her account: the pinyin of her name and digits, never
	 * her phone number.
	 */
	public String proposeUsername(long id, CurrentUser user) {
		return this.accounts.proposeUsername(get(id, user).getName());
	}

	/**
	 * Gives a caring mother or reserve her sign-in account, linked to her record, with a
	 * one-time activation code for her slip. Her contacts belong to her record, so an
	 * account replaced later orphans nothing.
	 */
	@Transactional
	public Activation createAccount(long id, String username, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = get(id, user);
		RuleViolationException.refuseIf(volunteer.getAccountId() != null, "username", "volunteer.account.exists");
		return linkNewAccount(volunteer, username, user, "account created");
	}

	/**
	 * Replaces her account (a lost or shared sign-in name): the old one is disabled and
	 * kept for the record, a new one is linked with a new activation code.
	 */
	@Transactional
	public Activation replaceAccount(long id, String username, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = get(id, user);
		Long old = volunteer.getAccountId();
		RuleViolationException.refuseIf(old == null, "username", "volunteer.account.none");
		this.accounts.setVolunteerAccountEnabled(old, false);
		volunteer.linkAccount(null);
		this.volunteers.saveAndFlush(volunteer);
		return linkNewAccount(volunteer, username, user, "account #" + old + " replaced and disabled");
	}

	/**
	 * A new activation code for her account: for a lost slip, an expired code or a
	 * forgotten password.
	 */
	@Transactional
	public Activation reissueActivation(long id, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = get(id, user);
		RuleViolationException.refuseIf(volunteer.getAccountId() == null, null, "volunteer.account.none");
		Activation activation = this.accounts.reissueActivation(volunteer.getAccountId(), user);
		this.audit.record(AuditAction.UPDATE, RECORD, id,
				"activation code reissued for account " + activation.username());
		return activation;
	}

	private Activation linkNewAccount(Volunteer volunteer, String username, CurrentUser user, String what) {
		RuleViolationException.refuseIf(volunteer.getStatus() == VolunteerStatus.WITHDRAWN
				|| volunteer.getStatus() == VolunteerStatus.SUSPENDED, null, "volunteer.account.notServing");
		Activation activation = this.accounts.createForVolunteer(username, volunteer.getName(),
				volunteer.getFederation(), user);
		volunteer.linkAccount(activation.accountId());
		this.volunteers.saveAndFlush(volunteer);
		this.audit.record(AuditAction.CREATE, RECORD, volunteer.getId(),
				what + ": " + activation.username() + " (#" + activation.accountId() + ")");
		return activation;
	}

	/**
	 * Her account follows her record: disabled while she is suspended or has withdrawn,
	 * enabled again when she is reinstated.
	 */
	private void syncAccountWithStatus(Volunteer volunteer) {
		if (volunteer.getAccountId() == null) {
			return;
		}
		boolean serving = volunteer.getStatus() != VolunteerStatus.SUSPENDED
				&& volunteer.getStatus() != VolunteerStatus.WITHDRAWN;
		if (this.accounts.setVolunteerAccountEnabled(volunteer.getAccountId(), serving)) {
			this.audit.record(AuditAction.STATUS, RECORD, volunteer.getId(),
					"account #" + volunteer.getAccountId() + (serving ? " enabled" : " disabled"));
		}
	}

	@Transactional
	public TrainingRecord addTraining(long id, TrainingParameters training, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = get(id, user);
		checkTraining(volunteer, training);
		TrainingRecord record = this.trainings
			.save(new TrainingRecord(id, training, user.id(), this.clock.instant(), null));
		this.audit.record(AuditAction.UPDATE, RECORD, id,
				"training " + record.getTrainingDate() + " " + record.getHours().toPlainString() + "h");
		return record;
	}

	/**
	 * Credits a volunteer with a training event she attended: one training record linked
	 * to the event, under the same rules as {@link #addTraining}, never twice for the
	 * same event.
	 */
	@Transactional
	public TrainingRecord creditTraining(long id, long eventId, TrainingParameters training, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = get(id, user);
		checkTraining(volunteer, training);
		RuleViolationException.refuseIf(this.trainings.findByVolunteerIdAndEventId(id, eventId).isPresent(), null,
				"volunteer.training.alreadyCredited", volunteer.getName());
		TrainingRecord record = this.trainings
			.saveAndFlush(new TrainingRecord(id, training, user.id(), this.clock.instant(), eventId));
		this.audit.record(AuditAction.UPDATE, RECORD, id, "training " + record.getTrainingDate() + " "
				+ record.getHours().toPlainString() + "h (event #" + eventId + ")");
		return record;
	}

	/** Takes back the credit of a training event, if the volunteer has it. */
	@Transactional
	public void withdrawTrainingCredit(long id, long eventId, CurrentUser user) {
		user.requireManager();
		get(id, user);
		this.trainings.findByVolunteerIdAndEventId(id, eventId).ifPresent(record -> {
			this.trainings.delete(record);
			this.audit.record(AuditAction.UPDATE, RECORD, id, "training credit of event #" + eventId + " removed");
		});
	}

	/**
	 * Brings every credit of a training event in line with the event after it was edited
	 * (date, topic, hours, trainer).
	 */
	@Transactional
	public int updateTrainingCredits(long eventId, TrainingParameters training, CurrentUser user) {
		user.requireManager();
		RuleViolationException.refuseIf(training.trainingDate().isAfter(LocalDate.now(this.clock)), "trainingDate",
				"volunteer.training.future");
		List<TrainingRecord> records = this.trainings.findByEventId(eventId);
		records.forEach(record -> record.update(training));
		this.trainings.saveAll(records);
		return records.size();
	}

	/** A reserve starts backing a mother (a mother has at most three reserves). */
	@Transactional
	public Volunteer back(long reserveId, BackingForm form, CurrentUser user) {
		user.requireManager();
		Volunteer reserve = get(reserveId, user);
		RuleViolationException.refuseIf(!reserve.isReserve(), "motherId", "volunteer.backing.notReserve");
		RuleViolationException.refuseIf(reserve.getStatus() == VolunteerStatus.WITHDRAWN, "motherId",
				"volunteer.backing.withdrawn");
		Scope scope = backingScope(reserve, user);
		Volunteer mother = this.volunteers.findDetailedById(form.getMotherId())
			.filter(candidate -> scope.covers(candidate.getFederation()))
			.filter(Volunteer::isMother)
			.orElseThrow(() -> new RuleViolationException("motherId", "volunteer.backing.unknownMother"));
		RuleViolationException.refuseIf(mother.getStatus() == VolunteerStatus.WITHDRAWN, "motherId",
				"volunteer.backing.withdrawn");
		RuleViolationException.refuseIf(
				this.volunteers.findMothersBackedBy(reserveId).stream().anyMatch(m -> m.getId().equals(mother.getId())),
				"motherId", "volunteer.backing.already", mother.getName());
		RuleViolationException.refuseIf(this.volunteers.countReservesOf(mother.getId()) >= MAX_RESERVES, "motherId",
				"volunteer.backing.full", mother.getName(), MAX_RESERVES);
		reserve.back(mother);
		this.volunteers.saveAndFlush(reserve);
		this.audit.record(AuditAction.UPDATE, RECORD, reserveId, "backs mother #" + mother.getId());
		return mother;
	}

	@Transactional
	public Volunteer stopBacking(long reserveId, long motherId, CurrentUser user) {
		user.requireManager();
		Volunteer reserve = get(reserveId, user);
		Volunteer mother = this.volunteers.findMothersBackedBy(reserveId)
			.stream()
			.filter(m -> m.getId() == motherId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("backing " + reserveId + "/" + motherId));
		reserve.stopBacking(mother);
		this.volunteers.saveAndFlush(reserve);
		this.audit.record(AuditAction.UPDATE, RECORD, reserveId, "no longer backs mother #" + motherId);
		return mother;
	}

	/**
	 * The full identity number or phone number, for ADMIN and STAFF only; every reveal is
	 * recorded in the audit log.
	 */
	@Transactional
	public String reveal(long id, String field, CurrentUser user) {
		user.requireManager();
		Volunteer volunteer = get(id, user);
		String value = switch (field == null ? "" : field) {
			case "idNumber" -> this.cipher.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, volunteer.getIdNumberCipher());
			case "phone" -> volunteer.getPhone();
			default -> throw new NotFoundException("number " + field);
		};
		this.audit.record(AuditAction.REVEAL, RECORD, id, field);
		return value;
	}

	/**
	 * The full phone number of an active caring mother, for the reminder outbox at the
	 * moment it hands a message to the SMS gateway (no user is involved, nothing is
	 * shown); empty for anyone else, so a mother who has since left gets no message.
	 */
	public Optional<String> numberForMessage(long volunteerId) {
		return this.volunteers.findById(volunteerId)
			.filter(volunteer -> volunteer.isMother() && volunteer.getStatus() == VolunteerStatus.ACTIVE)
			.map(Volunteer::getPhone);
	}

	/** The volunteer with exactly this identity number, if within the user's scope. */
	public Optional<Volunteer> findByIdNumber(String idNumber, CurrentUser user) {
		String normalised = IdNumbers.normalise(idNumber);
		if (normalised == null || normalised.isEmpty()) {
			return Optional.empty();
		}
		Scope scope = Scope.of(user);
		return this.volunteers.findIdByIdNumberIndex(this.cipher.blindIndex(normalised))
			.flatMap(this.volunteers::findDetailedById)
			.filter(volunteer -> scope.covers(volunteer.getFederation()));
	}

	/**
	 * Checks an identity number and that the form's birth date and gender agree with it;
	 * for a new number, that no other record anywhere holds it.
	 * @param existing the volunteer being edited, or {@code null} on registration
	 */
	private void checkIdNumber(String idNumber, VolunteerForm form, Volunteer existing, CurrentUser user) {
		boolean typed = form.getIdNumber() != null && !form.getIdNumber().isBlank();
		String problem = IdNumbers.problem(idNumber, form.getBirthDate(), form.getGender() == Gender.MALE);
		if (problem != null) {
			String field = typed || problem.startsWith("idNumber.") && !problem.endsWith("Mismatch") ? "idNumber"
					: (problem.equals("idNumber.birthDateMismatch") ? "birthDate" : "gender");
			throw new RuleViolationException(field, problem);
		}
		if (typed) {
			String index = this.cipher.blindIndex(idNumber);
			if (existing == null || !existing.getIdNumberIndex().equals(index)) {
				this.volunteers.federationHoldingIdNumber(index).ifPresent(holder -> {
					if (Scope.of(user).covers(holder)) {
						throw new RuleViolationException("idNumber", "volunteer.idNumber.duplicate", holder.getName());
					}
					// held outside the user's subtree: say so without naming where, and
					// keep
					// the attempt on record even though the registration is refused
					this.audit.recordAlone(AuditAction.DENIED, RECORD, null,
							"ID number already registered in federation " + holder.getCode());
					throw new RuleViolationException("idNumber", "idNumber.registeredElsewhere");
				});
			}
		}
	}

	private void checkTraining(Volunteer volunteer, TrainingParameters training) {
		RuleViolationException.refuseAll(
				() -> RuleViolationException.refuseIf(volunteer.getStatus() == VolunteerStatus.WITHDRAWN, null,
						"volunteer.training.withdrawn"),
				() -> RuleViolationException.refuseIf(
						training.trainingDate() != null && training.trainingDate().isAfter(LocalDate.now(this.clock)),
						"trainingDate", "volunteer.training.future"));
	}

	private String checkedPhone(String raw) {
		RuleViolationException.refuseIf(!PhoneNumbers.isValid(raw), "phone", "phone.invalid");
		return PhoneNumbers.normalise(raw);
	}

	private void checkPerson(VolunteerForm form) {
		RuleViolationException.refuseIf(form.getBirthDate().plusYears(ADULT_AGE).isAfter(LocalDate.now(this.clock)),
				"birthDate", "volunteer.birthDate.adult");
		RuleViolationException.refuseIf(
				form.getRole() == VolunteerRole.RESERVE && (form.getSkills() == null || form.getSkills().isEmpty()),
				"skills", "volunteer.skills.reserveNeedsOne");
	}

	private void applyIdNumber(Volunteer volunteer, String idNumber) {
		volunteer.setIdentity(this.cipher.encrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, idNumber),
				this.cipher.blindIndex(idNumber), Masking.idNumber(idNumber));
	}

	private Federation checkedFederation(String code, CurrentUser user) {
		Federation federation = this.federations.findByCode(code, Scope.of(user))
			.orElseThrow(() -> new RuleViolationException("federationCode", "volunteer.federation.unknown"));
		if (federation.getLevel() != FederationLevel.COUNTY && federation.getLevel() != FederationLevel.TOWNSHIP
				&& federation.getLevel() != FederationLevel.VILLAGE) {
			throw new RuleViolationException("federationCode", "volunteer.federation.level");
		}
		return federation;
	}

	private Station checkedStation(Federation federation, Long stationId) {
		if (stationId == null) {
			return null;
		}
		return this.federations.stations(federation)
			.stream()
			.filter(station -> station.getId().equals(stationId))
			.findFirst()
			.orElseThrow(() -> new RuleViolationException("stationId", "volunteer.station.unknown"));
	}

	/**
	 * Where the mothers a reserve may back are found: her county (or her own federation
	 * above county level), within the user's scope.
	 */
	private Scope backingScope(Volunteer reserve, CurrentUser user) {
		Scope userScope = Scope.of(user);
		Federation home = reserve.getFederation();
		Federation county = home.getLevel() == FederationLevel.COUNTY ? home
				: this.federations.ancestors(home)
					.stream()
					.filter(ancestor -> ancestor.getLevel() == FederationLevel.COUNTY)
					.findFirst()
					.orElse(home);
		return userScope.covers(county) ? Scope.of(county) : userScope;
	}

	private Specification<Volunteer> specification(VolunteerFilter filter, CurrentUser user) {
		Scope scope = this.federations.filterScope(user, filter.getFederationCode()).orElse(null);
		if (scope == null) {
			return null;
		}
		Specification<Volunteer> spec = scope.where("federation");
		if (filter.getQ() != null && !filter.getQ().isBlank()) {
			String text = filter.getQ().trim();
			String digits = PhoneNumbers.normalise(text);
			String idNumber = IdNumbers.normalise(text);
			if (idNumber.length() == 18 && idNumber.matches("\\d{17}[\\dX]")) {
				String index = this.cipher.blindIndex(idNumber);
				spec = spec.and((root, query, builder) -> builder.equal(root.get("idNumberIndex"), index));
			}
			else if (digits.chars().allMatch(Character::isDigit)) {
				spec = spec.and((root, query, builder) -> builder.equal(root.get("phone"), digits));
			}
			else {
				String needle = "%" + text.toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
				spec = spec.and((root, query, builder) -> builder.like(builder.lower(root.get("name")), needle));
			}
		}
		if (filter.getStatus() != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("status"), filter.getStatus()));
		}
		if (filter.getRole() != null) {
			spec = spec.and((root, query, builder) -> builder.equal(root.get("role"), filter.getRole()));
		}
		if (filter.getSkill() != null) {
			spec = spec.and((root, query, builder) -> builder.isMember(filter.getSkill(), root.get("skills")));
		}
		return spec;
	}

}
