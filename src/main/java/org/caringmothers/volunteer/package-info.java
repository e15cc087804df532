/**
 * The register of caring mothers (爱心妈妈) and reserve volunteers (预备志愿者): who they are,
 * their lifecycle from application through screening, training and oath to active
 * service, their training records and which reserves back which mother. Identity numbers
 * are encrypted at rest, numbers are masked on screen, and every change is audited.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "federation", "audit", "account" })
package org.caringmothers.volunteer;
