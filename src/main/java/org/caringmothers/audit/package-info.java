/**
 * The append-only access log required for children's personal information: who viewed,
 * changed, revealed or exported which record, when and from where. Other modules call
 * {@link org.caringmothers.audit.AuditService}; only administrators read the log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package org.caringmothers.audit;
