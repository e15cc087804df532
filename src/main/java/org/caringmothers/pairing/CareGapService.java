package org.caringmothers.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.ProgrammeSettings;
import org.caringmothers.federation.Scope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one definition of a care gap, used by every page that shows or counts them (the
 * mother's and the staff's home pages, the dashboard): an active pairing past a due date
 * of its {@link CareCadence}, under the rules of the child's federation, counted from the
 * pairing's start until its first contact.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class CareGapService {

	private final PairingRepository pairings;

	private final FederationService federations;

	private final ContactDates contacts;

	private final Clock clock;

	/** The cadence of each of these active pairings, by pairing id. */
	public Map<Long, CareCadence> cadences(Collection<Pairing> active) {
		Map<Long, ContactDates.Last> last = lastContacts(active.stream().map(Pairing::getId).toList());
		Map<Long, Federation> held = new HashMap<>();
		active.forEach(pairing -> held.putIfAbsent(pairing.getChild().getFederation().getId(),
				pairing.getChild().getFederation()));
		Map<Long, ProgrammeSettings> settings = this.federations.settingsOf(held.values());
		Map<Long, CareCadence> cadences = new HashMap<>();
		for (Pairing pairing : active) {
			ProgrammeSettings rules = settings.get(pairing.getChild().getFederation().getId());
			cadences.put(pairing.getId(), cadence(pairing.getStartDate(), last.get(pairing.getId()), rules));
		}
		return cadences;
	}

	/**
	 * How many active pairings whose child lies under the federation are care gaps today,
	 * by the federation directly below it that holds the child (the federation's own
	 * children under its own id).
	 */
	public Map<Long, Long> countByFederationBelow(Federation federation) {
		List<Pairing> active = this.pairings.findAll(PairingService.active(Scope.of(federation)));
		Map<Long, ContactDates.Last> last = lastContacts(active.stream().map(Pairing::getId).toList());
		Map<Long, ProgrammeSettings> settings = this.federations.settingsWithin(federation);
		int depth = federation.lineage().length;
		LocalDate today = LocalDate.now(this.clock);
		Map<Long, Long> counts = new HashMap<>();
		for (Pairing pairing : active) {
			Federation own = pairing.getChild().getFederation();
			CareCadence cadence = cadence(pairing.getStartDate(), last.get(pairing.getId()), settings.get(own.getId()));
			if (cadence.isGap(today)) {
				String[] path = own.getPath().split("/");
				long below = path.length > depth + 1 ? Long.parseLong(path[depth + 1]) : federation.getId();
				counts.merge(below, 1L, Long::sum);
			}
		}
		return counts;
	}

	private static CareCadence cadence(LocalDate start, ContactDates.Last last, ProgrammeSettings rules) {
		ContactDates.Last dates = last != null ? last : ContactDates.Last.NONE;
		return new CareCadence(start, dates.contact(), dates.homeVisit(), rules);
	}

	private Map<Long, ContactDates.Last> lastContacts(List<Long> pairingIds) {
		Map<Long, ContactDates.Last> last = new HashMap<>();
		for (int from = 0; from < pairingIds.size(); from += 5000) {
			last.putAll(this.contacts
				.of(new ArrayList<>(pairingIds.subList(from, Math.min(pairingIds.size(), from + 5000)))));
		}
		return last;
	}

}
