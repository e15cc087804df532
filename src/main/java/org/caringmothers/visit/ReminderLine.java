package org.caringmothers.visit;

import org.caringmothers.pairing.PairingView;
import org.caringmothers.visit.sms.SmsOutbox;

/**
 * A reminder as staff see it in the list of reminders: with its pairing's child and
 * mother, and its SMS, or {@code null} for a reminder from before SMS.
 */
public record ReminderLine(Reminder reminder, PairingView pairing, SmsOutbox.Message sms) {

}
