/**
 * Reminders by SMS: an outbox in the database, a job that hands its messages to the
 * configured gateway once across instances, with retries, and the record of every
 * attempt. Internal to the {@code visit} module.
 */
package org.caringmothers.visit.sms;
