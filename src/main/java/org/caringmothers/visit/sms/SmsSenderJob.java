package org.caringmothers.visit.sms;

import java.time.Duration;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.ScheduledJobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the waiting reminder messages every minute (by default), once across application
 * instances.
 */
@Component
@RequiredArgsConstructor
class SmsSenderJob {

	private final SmsOutbox outbox;

	private final ScheduledJobs scheduledJobs;

	@Scheduled(fixedDelayString = "${caringmothers.sms.poll-interval:PT1M}",
			initialDelayString = "${caringmothers.sms.poll-interval:PT1M}")
	void send() {
		this.scheduledJobs.runOnce("sms-outbox", Duration.ofSeconds(20), this.outbox::sendDue);
	}

}
