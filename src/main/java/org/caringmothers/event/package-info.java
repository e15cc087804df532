/**
 * Events (活动) held by a federation: recruitment drives, trainings, progress meetings,
 * lectures and group activities for children, with the volunteers who attended. A
 * training credits its hours to every attending volunteer's training record; a
 * recruitment drive registers applicants into the volunteer register.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "federation", "audit", "volunteer" })
package org.caringmothers.event;
