/**
 * Shared building blocks used by every module: the not-found exception, the signed-in
 * user as every module sees it, the database bootstrap for the embedded PostgreSQL, and
 * web-wide advice (locale, error pages, current user in the model).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.caringmothers.common;
