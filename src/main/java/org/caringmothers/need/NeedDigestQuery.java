package org.caringmothers.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.caringmothers.federation.Scope;

/** The staff home's needs: safety concerns waiting for action, and needs past due. */
interface NeedDigestQuery {

	/**
	 * In one statement: the safety concerns without a recorded action in
	 * {@code reportScope}, and the first {@code lines} open needs in {@code scope} raised
	 * before their urgency's time limit, all oldest first, each row [need (with its
	 * federation), how many needs are past due in {@code scope} in all].
	 * @param raisedBefore for each urgency, the moment before which an open need of that
	 * urgency is past due
	 */
	List<Object[]> digest(Scope scope, Scope reportScope, Map<Urgency, Instant> raisedBefore, int lines);

}
