/**
 * The children in the programme (留守儿童 and 困境儿童): their categories, guardians, guardian
 * consent, risk and status. Identity numbers are encrypted at rest, numbers are masked on
 * screen, and every view and change of a child is recorded in the audit log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "federation", "audit" })
package org.caringmothers.child;
