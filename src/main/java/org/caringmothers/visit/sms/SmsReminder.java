package org.caringmothers.visit.sms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of the reminder template: the mother's name, how many days her most
 * overdue child has waited and how many of her children wait. Never a child's name.
 */
public record SmsReminder(String motherName, long daysOverdue, int childrenWaiting) {

	/** The template parameters, as the gateway receives them. */
	public Map<String, String> params() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", this.motherName);
		params.put("days", String.valueOf(this.daysOverdue));
		params.put("children", String.valueOf(this.childrenWaiting));
		return params;
	}

}
