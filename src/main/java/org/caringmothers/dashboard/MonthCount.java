package org.caringmothers.dashboard;

import java.time.YearMonth;

/**
 * Contacts logged in one month.
 *
 * @param month the month
 * @param contacts all contacts
 * @param homeVisits of which home visits
 */
public record MonthCount(YearMonth month, long contacts, long homeVisits) {

}
