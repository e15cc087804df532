/**
 * 急难愁盼: children's needs raised by caring mothers or staff, their follow-up from open to
 * resolved or referred, and the safety concerns that must be reported (强制报告).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "federation", "audit", "child" })
package org.caringmothers.need;
