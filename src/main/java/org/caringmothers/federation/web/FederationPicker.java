package org.caringmothers.federation.web;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.federation.FederationOption;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.Scope;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the federation picker ({@code fragments/federation :: picker}) says under the
 * field: the federation the typed code or name stands for within the signed-in user's
 * subtree, or nothing when it stands for none.
 */
@Component("federationPicker")
@RequiredArgsConstructor
public class FederationPicker {

	private final FederationService federations;

	/** "娄烦镇（娄烦县，140123100）", or {@code null} when the text names nothing in scope. */
	public String label(String codeOrName) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (codeOrName == null || codeOrName.isBlank() || authentication == null
				|| !(authentication.getPrincipal() instanceof CurrentUser user)) {
			return null;
		}
		return this.federations.option(codeOrName, Scope.of(user))
			.map(option -> option.label() + " " + option.code())
			.orElse(null);
	}

	/** The suggestions for typed text within the user's subtree. */
	java.util.List<FederationOption> suggestions(String text, CurrentUser user) {
		return this.federations.suggestions(text, Scope.of(user), 20);
	}

}
