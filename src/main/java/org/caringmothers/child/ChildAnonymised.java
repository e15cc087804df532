package org.caringmothers.child;

/**
 * Published in the transaction that anonymises a child's record once its retention period
 * has run out, so that each module erases the personal data it holds about the child
 * (contact notes and photos, need descriptions, pairing notes) in the same transaction,
 * keeping the rows that the figures count.
 *
 * @param childId the child
 */
public record ChildAnonymised(long childId) {
}
