package org.caringmothers.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.child.ChildSummaries;
import org.caringmothers.need.NeedSummaries;
import org.caringmothers.pairing.PairingSummaries;
import org.caringmothers.visit.VisitSummaries;
import org.caringmothers.volunteer.VolunteerSummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Recomputes the summaries the dashboard reads from the records and reports how many
 * summary rows differed, when the application is started with {@code --rebuild-summaries}
 * (then it goes on running as usual). The summaries are kept in the same transaction as
 * the records, so a difference means records were changed outside the application's
 * schema rules (e.g. triggers disabled during a restore).
 */
@Component
@Order(50)
@RequiredArgsConstructor
public class SummaryRebuild implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SummaryRebuild.class);

	private final VisitSummaries visits;

	private final NeedSummaries needs;

	private final ChildSummaries children;

	private final VolunteerSummaries volunteers;

	private final PairingSummaries pairings;

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption("rebuild-summaries")) {
			rebuild();
		}
	}

	/** Recomputes every summary; the differing rows found, by module. */
	public Map<String, Long> rebuild() {
		Map<String, Long> differences = new LinkedHashMap<>();
		differences.put("visit", this.visits.rebuild());
		differences.put("need", this.needs.rebuild());
		differences.put("child", this.children.rebuild());
		differences.put("volunteer", this.volunteers.rebuild());
		differences.put("pairing", this.pairings.rebuild());
		differences.forEach((module, count) -> log.info("Summaries of {} rebuilt: {} row(s) differed from the records",
				module, count));
		return differences;
	}

}
