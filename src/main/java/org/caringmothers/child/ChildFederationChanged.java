package org.caringmothers.child;

/**
 * Published in the transaction that moves a child to another federation (an edit of her
 * home federation), so that modules keeping records about her (her pairings, contacts and
 * needs) can keep their own copy of her federation, which decides who sees them, in step.
 *
 * @param childId the child
 * @param fromFederationId her federation before
 * @param toFederationId her federation now
 */
public record ChildFederationChanged(long childId, long fromFederationId, long toFederationId) {
}
