package org.caringmothers.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;
import org.caringmothers.child.Child;
import org.caringmothers.child.ChildStatus;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.validation.Texts;
import org.caringmothers.volunteer.CareReadiness;
import org.caringmothers.volunteer.StatusChangeForm;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerService;
import org.caringmothers.volunteer.VolunteerStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 接替: a leaving caring mother's children are taken over by her reserve volunteers in one
 * step. A reserve who meets the conditions of an active mother becomes one, the leaving
 * mother is withdrawn (when she is not already), her pairings end with
 * {@link PairingEndReason#MOTHER_WITHDREW} and each child is paired with the chosen
 * reserve, the new pairing naming the one it continues; all in one transaction, so that a
 * broken rule leaves everything as it was.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class HandoverService {

	private final PairingService pairingService;

	private final PairingRepository pairings;

	private final VolunteerService volunteers;

	private final AuditService audit;

	private final Clock clock;

	/** What the handover page shows. */
	public record Plan(Volunteer mother, List<PairingView> pairings, List<CareReadiness> reserves, int capacity) {

		public boolean leaving() {
			return this.mother.getStatus() != VolunteerStatus.WITHDRAWN;
		}

		/** The first reserve who may take over, the page's default choice. */
		public Long firstReady() {
			return this.reserves.stream()
				.filter(CareReadiness::ready)
				.map(readiness -> readiness.volunteer().getId())
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * The mother's children to hand over (her active pairings, or, once she has
	 * withdrawn, the pairings her withdrawal ended whose child still waits) and her
	 * reserves with what each lacks; 404 for anyone but a caring mother in scope.
	 */
	public Plan plan(long motherId, CurrentUser user) {
		user.requireManager();
		Volunteer mother = this.volunteers.get(motherId, user);
		if (!mother.isMother()) {
			throw new NotFoundException("caring mother " + motherId);
		}
		return new Plan(mother, handoverPairings(mother), this.volunteers.reservesReadiness(motherId, user),
				this.pairingService.capacityOf(mother));
	}

	/**
	 * Hands the children over.
	 * @param reserveByChild the chosen reserve for each child to hand over (children left
	 * out keep waiting for a new mother)
	 * @param reason why she leaves, needed when she is not withdrawn yet
	 * @return how many children were handed over
	 */
	@Transactional
	public int handOver(long motherId, Map<Long, Long> reserveByChild, String reason, CurrentUser user) {
		Plan plan = plan(motherId, user);
		Volunteer mother = plan.mother();
		RuleViolationException.refuseIf(reserveByChild.isEmpty(), "reserve", "handover.nothingChosen");
		Map<Long, Pairing> byChild = new HashMap<>();
		plan.pairings().forEach(view -> byChild.put(view.pairing().getChildId(), view.pairing()));
		Map<Long, CareReadiness> reserves = new HashMap<>();
		plan.reserves().forEach(readiness -> reserves.put(readiness.volunteer().getId(), readiness));
		Map<Long, List<Long>> childrenByReserve = new LinkedHashMap<>();
		for (Map.Entry<Long, Long> choice : reserveByChild.entrySet()) {
			RuleViolationException.refuseIf(!byChild.containsKey(choice.getKey()), "reserve", "handover.child.notHers");
			RuleViolationException.refuseIf(!reserves.containsKey(choice.getValue()), "reserve",
					"handover.reserve.notHers", "");
			childrenByReserve.computeIfAbsent(choice.getValue(), id -> new ArrayList<>()).add(choice.getKey());
		}
		// every reserve who is not ready or gets too many children, and a missing reason,
		// are said at once
		List<Runnable> rules = new ArrayList<>();
		for (Map.Entry<Long, List<Long>> entry : childrenByReserve.entrySet()) {
			CareReadiness reserve = reserves.get(entry.getKey());
			int capacity = this.pairingService.capacityOf(reserve.volunteer());
			rules.add(() -> RuleViolationException.refuseIf(!reserve.ready(), "reserve", "handover.reserve.notReady",
					reserve.volunteer().getName()));
			rules.add(() -> RuleViolationException.refuseIf(entry.getValue().size() > capacity, "reserve",
					"handover.reserve.full", reserve.volunteer().getName(), capacity, entry.getValue().size()));
		}
		String note = plan.leaving() ? Texts.trimToNull(reason) : null;
		if (plan.leaving()) {
			rules.add(() -> RuleViolationException.refuseIf(note == null, "reason", "handover.reason.required"));
			rules.add(() -> RuleViolationException.refuseIf(note != null && note.length() > 200, "reason",
					"handover.reason.tooLong"));
		}
		RuleViolationException.refuseAll(rules.toArray(Runnable[]::new));
		if (plan.leaving()) {
			StatusChangeForm withdraw = StatusChangeForm.to(VolunteerStatus.WITHDRAWN);
			withdraw.setNote(note);
			// ends her active pairings with MOTHER_WITHDREW in this same transaction
			this.volunteers.changeStatus(motherId, withdraw, user);
			this.pairings.flush();
		}
		LocalDate today = LocalDate.now(this.clock);
		List<String> story = new ArrayList<>();
		for (Map.Entry<Long, List<Long>> entry : childrenByReserve.entrySet()) {
			Volunteer newMother = this.volunteers.takeOverAsMother(entry.getKey(), motherId, user);
			for (long childId : entry.getValue()) {
				this.pairingService.pair(childId, newMother, today, user, byChild.get(childId));
			}
			story.add("children " + entry.getValue() + " to #" + entry.getKey());
			this.audit.record(AuditAction.UPDATE, VolunteerRecord.NAME, entry.getKey(),
					"took over children " + entry.getValue() + " from mother #" + motherId);
		}
		this.audit.record(AuditAction.UPDATE, VolunteerRecord.NAME, motherId,
				"handed over " + String.join(", ", story));
		return reserveByChild.size();
	}

	private List<PairingView> handoverPairings(Volunteer mother) {
		List<PairingView> active = this.pairingService.activeOfMother(mother);
		if (mother.getStatus() != VolunteerStatus.WITHDRAWN) {
			return active;
		}
		List<PairingView> waiting = new ArrayList<>();
		for (PairingView pairing : this.pairingService.historyOfMother(mother)) {
			if (pairing.getEndReason() != PairingEndReason.MOTHER_WITHDREW
					|| pairing.getChild().getStatus() != ChildStatus.ACTIVE) {
				continue;
			}
			List<Pairing> ofChild = this.pairings.findByChildIdOrderByStartDateDescIdDesc(pairing.getChild().getId());
			if (!ofChild.isEmpty() && ofChild.get(0).getId().equals(pairing.getId())) {
				waiting.add(pairing);
			}
		}
		return waiting;
	}

	/** The audit log's name for volunteer records, as the volunteer module writes it. */
	private static final class VolunteerRecord {

		static final String NAME = "VOLUNTEER";

	}

}
