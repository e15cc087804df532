package org.caringmothers.child;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.caringmothers.common.Gender;

/**
 * A child's record as a form hands it to the service: trimmed, validated, with only the
 * filled guardian rows. The entity takes these, never a form.
 */
record ChildParameters(String name, Gender gender, LocalDate birthDate, Set<ChildCategory> categories,
		ParentsSituation parentsSituation, String parentsWorkPlace, String school, String grade, String address,
		List<GuardianParameters> guardians, String healthNotes, boolean healthShareable, RiskLevel riskLevel,
		LocalDate consentDate, String consentBy, String consentScope) {

	record GuardianParameters(String name, GuardianRelation relation, String phone) {
	}

}
