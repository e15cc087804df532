package org.caringmothers.child;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.caringmothers.common.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anonymises, every night and once across application instances, the children whose
 * retention period has run out (PIPL art. 47):
 * {@code caringmothers.retention.child-months} (default 24) after the record left the
 * programme (moved, closed or aged out), and
 * {@code caringmothers.retention.consent-withdrawn-days} (default 0: at the next run)
 * after the guardian withdrew consent. Each child is anonymised in a transaction of her
 * own, so that one failure leaves the others done.
 */
@Component
class ChildRetentionJob {

	private static final Logger log = LoggerFactory.getLogger(ChildRetentionJob.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ChildService children;

	private final ScheduledJobs scheduledJobs;

	private final Clock clock;

	private final int childMonths;

	private final int consentWithdrawnDays;

	ChildRetentionJob(ChildService children, ScheduledJobs scheduledJobs, Clock clock,
			@Value("${caringmothers.retention.child-months:24}") int childMonths,
			@Value("${caringmothers.retention.consent-withdrawn-days:0}") int consentWithdrawnDays) {
		if (childMonths < 0 || consentWithdrawnDays < 0) {
			throw new IllegalArgumentException("Retention periods cannot be negative");
		}
		this.children = children;
		this.scheduledJobs = scheduledJobs;
		this.clock = clock;
		this.childMonths = childMonths;
		this.consentWithdrawnDays = consentWithdrawnDays;
	}

	@Scheduled(cron = "0 35 1 * * *", zone = "Asia/Shanghai")
	void nightly() {
		this.scheduledJobs.runOnce("child-retention", Duration.ofMinutes(10), this::anonymiseDue);
	}

	/** Anonymises every record whose period has run out; answers how many. */
	int anonymiseDue() {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZONE));
		Instant leftBefore = now.minusMonths(this.childMonths).toInstant();
		LocalDate withdrawnOnOrBefore = now.toLocalDate().minusDays(this.consentWithdrawnDays);
		int count = 0;
		for (long id : this.children.dueForAnonymisation(leftBefore, withdrawnOnOrBefore)) {
			try {
				if (this.children.anonymise(id, leftBefore, withdrawnOnOrBefore)) {
					count++;
				}
			}
			catch (RuntimeException ex) {
				log.error("Could not anonymise child {}; left for the next run", id, ex);
			}
		}
		if (count > 0) {
			log.info("{} children's records anonymised after their retention period", count);
		}
		return count;
	}

}
