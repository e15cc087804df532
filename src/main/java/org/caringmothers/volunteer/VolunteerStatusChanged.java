package org.caringmothers.volunteer;

/**
 * Published when a volunteer's status changes (the pairing module ends a withdrawn
 * mother's pairings).
 *
 * @param volunteerId the volunteer
 * @param from the status before
 * @param to the status now
 */
public record VolunteerStatusChanged(long volunteerId, VolunteerStatus from, VolunteerStatus to) {
}
