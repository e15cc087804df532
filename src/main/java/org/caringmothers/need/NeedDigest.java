package org.caringmothers.need;

import java.util.List;

/**
 * The needs a staff member's home names: the safety concerns waiting for their action,
 * and the first of the needs open longer than their urgency allows with how many there
 * are.
 */
public record NeedDigest(List<NeedLine> pendingReports, List<NeedLine> pastDue, long pastDueCount) {

}
