/**
 * Who cares for whom: pairings of caring mothers with children, matching suggestions, and
 * the contact-cadence rules that turn a pairing without recent contact into a care gap.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "common", "federation", "audit", "volunteer", "child" })
package org.caringmothers.pairing;
