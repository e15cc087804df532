package org.caringmothers.child;

/**
 * Published in the transaction that changes a child's status (by staff or when she turns
 * 18), so that a child who leaves the programme also leaves her pairing.
 *
 * @param childId the child
 * @param from the status before
 * @param to the status now
 * @param changedBy the account that changed it, or {@code null} when the system did
 */
public record ChildStatusChanged(long childId, ChildStatus from, ChildStatus to, Long changedBy) {
}
