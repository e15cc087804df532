package org.caringmothers.child;

import java.time.Duration;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks children AGED_OUT once they turn 18: at start-up and every night, once across
 * application instances.
 */
@Component
@RequiredArgsConstructor
class ChildAgeOutJob {

	private static final Logger log = LoggerFactory.getLogger(ChildAgeOutJob.class);

	private final ChildService children;

	private final ScheduledJobs scheduledJobs;

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
	void ageOut() {
		this.scheduledJobs.runOnce("child-age-out", Duration.ofMinutes(10), () -> {
			int count = this.children.ageOut();
			if (count > 0) {
				log.info("{} children turned 18 and are now AGED_OUT", count);
			}
		});
	}

}
