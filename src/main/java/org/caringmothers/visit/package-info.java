/**
 * Contacts between caring mothers and their children (入户走访, calls, video, school visits,
 * outings) with the care given and gifts; the mother's phone workspace, the staff review
 * queue, and the care gaps that follow from the contact cadence.
 */
package org.caringmothers.visit;
