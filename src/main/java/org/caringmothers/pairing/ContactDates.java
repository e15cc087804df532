package org.caringmothers.pairing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * The dates a care gap is measured from, supplied by the module that records contacts (so
 * that the cadence rule stays here without this module reading contacts).
 */
public interface ContactDates {

	/**
	 * The last contact of any kind and the last home visit of each pairing; a pairing
	 * without any contact may be absent.
	 */
	Map<Long, Last> of(Collection<Long> pairingIds);

	/**
	 * @param contact the day of the last contact, or {@code null}
	 * @param homeVisit the day of the last home visit, or {@code null}
	 */
	record Last(LocalDate contact, LocalDate homeVisit) {

		static final Last NONE = new Last(null, null);

	}

}
