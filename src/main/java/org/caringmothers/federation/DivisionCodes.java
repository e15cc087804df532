package org.caringmothers.federation;

/**
 * Validation of administrative division codes (GB/T 2260 and the statistical codes below
 * county level): 6 digits for province, city and county, 9 for a township, 12 for a
 * village, and each code starts with the identifying digits of its parent.
 */
public final class DivisionCodes {

	private DivisionCodes() {
	}

	/**
	 * Checks a code for a federation of the given level under the given parent.
	 * @return the message key of the problem, or {@code null} when the code is valid
	 */
	public static String problem(String code, FederationLevel level, FederationLevel parentLevel, String parentCode) {
		if (code == null || code.isBlank()) {
			return "federation.code.required";
		}
		if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return "federation.code.digits";
		}
		if (code.length() != level.codeLength()) {
			return "federation.code.length." + level.name();
		}
		if (level == FederationLevel.PROVINCE) {
			return code.endsWith("0000") ? null : "federation.code.shape";
		}
		if (level == FederationLevel.CITY && !code.endsWith("00")) {
			return "federation.code.shape";
		}
		if (parentLevel == null || parentCode == null) {
			return "federation.code.parent";
		}
		String prefix = parentCode.substring(0, parentLevel.significantDigits());
		if (!code.startsWith(prefix) || code.equals(parentCode)) {
			return "federation.code.prefix";
		}
		String own = code.substring(prefix.length(), level.significantDigits());
		if (own.chars().allMatch(c -> c == '0')) {
			return "federation.code.shape";
		}
		return null;
	}

}
