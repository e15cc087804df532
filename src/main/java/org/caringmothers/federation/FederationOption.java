package org.caringmothers.federation;

/**
 * A federation as the picker offers it: its division code and its name with its parent's
 * ("娄烦镇（娄烦县）"), so that namesakes in different places are told apart.
 */
public record FederationOption(String code, String name, String label) {

	static FederationOption of(Federation federation) {
		Federation parent = federation.getParent();
		String label = parent == null ? federation.getName() : federation.getName() + "（" + parent.getName() + "）";
		return new FederationOption(federation.getCode(), federation.getName(), label);
	}

}
