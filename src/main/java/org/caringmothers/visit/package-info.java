/**
 * Contacts between caring mothers and their children (入户走访, calls, video, school visits,
 * outings) with the care given and gifts; the mother's phone workspace, the staff review
 * queue, and the care gaps that follow from the contact cadence.
 * <p>
 * A contact may raise a need (急难愁盼) in the same transaction, so {@code visit} uses
 * {@code need}; {@code need} keeps only the contact's id and never reads {@code visit}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "common", "federation", "audit", "volunteer", "child", "pairing", "need" })
package org.caringmothers.visit;
