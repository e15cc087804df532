package org.caringmothers.dashboard.web;

import java.time.Clock;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.caringmothers.account.AccountService;
import org.caringmothers.child.ChildFilter;
import org.caringmothers.child.ChildService;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationService;
import org.caringmothers.federation.LineageAndSummary;
import org.caringmothers.federation.Scope;
import org.caringmothers.need.NeedDigest;
import org.caringmothers.need.NeedService;
import org.caringmothers.visit.CareDigest;
import org.caringmothers.visit.CareDigestWithChildren;
import org.caringmothers.visit.VisitService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: a federation summary for staff and officials, her profile for a mother.
 */
@Controller
@RequiredArgsConstructor
class HomeController {

	/** How many mothers and needs the weekly digest names (it counts them all). */
	static final int DIGEST_LINES = 10;

	private final FederationService federations;

	private final AccountService accounts;

	private final ChildService children;

	private final VisitService visits;

	private final NeedService needs;

	private final Clock clock;

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		// her federation, those above it and the counts under it, in one statement
		LineageAndSummary overview = this.federations.lineageAndSummary(user.federationId(), Scope.of(user));
		List<Federation> lineage = overview.lineage();
		Federation federation = overview.federation();
		model.addAttribute("federation", federation);
		List<Federation> ancestors = overview.ancestors();
		model.addAttribute("ancestors", ancestors);
		model.addAttribute("brand", this.federations.programmeName(federation, ancestors).orElse(null));
		if (user.is(Role.VOLUNTEER)) {
			var cards = this.visits.myChildren(user);
			model.addAttribute("cards", cards);
			model.addAttribute("entries", this.visits.myEditableEntries(cards, user));
			return "dashboard/volunteer-home";
		}
		if (user.is(Role.STAFF, Role.ADMIN)) {
			// the needs first: their children are looked up with the care digest's
			NeedDigest.Needs digestNeeds = this.needs.digestNeeds(user, lineage, DIGEST_LINES);
			CareDigestWithChildren care = this.visits.careDigest(user, DIGEST_LINES, digestNeeds.childIds());
			CareDigest digest = care.digest();
			model.addAttribute("careGaps", digest.gaps());
			model.addAttribute("careGapCount", digest.gapCount());
			model.addAttribute("digest", digest);
			model.addAttribute("remindersBySms", this.visits.remindersBySms());
			NeedDigest needDigest = digestNeeds.withChildren(care.children());
			model.addAttribute("needsPastDue", needDigest.pastDue());
			model.addAttribute("needsPastDueCount", needDigest.pastDueCount());
			model.addAttribute("now", this.clock.instant());
			model.addAttribute("reports", needDigest.pendingReports());
		}
		model.addAttribute("summary", overview.summary());
		model.addAttribute("childrenByStatus", this.children.countByStatus(new ChildFilter(), user));
		model.addAttribute("accountsByRole", this.accounts.countByRole(federation));
		model.addAttribute("roles", Role.values());
		return "dashboard/home";
	}

}
