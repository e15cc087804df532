package org.caringmothers.visit.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS gateway that reminders go through ({@code caringmothers.sms.*}): its address,
 * the access key and secret that sign each request, and the signature (签名) and template
 * id the provider approved. Without all five, reminders are only recorded.
 *
 * @param url the gateway's address, to which messages are POSTed as JSON
 * @param accessKey sent in {@code X-Sms-Access-Key}
 * @param secret the key of the HMAC-SHA256 in {@code X-Sms-Signature}; never sent
 * @param signature the approved signature name (短信签名)
 * @param templateId the approved template (模板) with the parameters name, days, children
 * @param timeout how long one attempt may take
 * @param maxAttempts after this many failed attempts a message is given up
 * @param firstRetry the delay after the first failure, doubled after each further one
 */
@ConfigurationProperties("caringmothers.sms")
public record SmsSettings(String url, String accessKey, String secret, String signature, String templateId,
		Duration timeout, Integer maxAttempts, Duration firstRetry) {

	public SmsSettings {
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		maxAttempts = (maxAttempts != null && maxAttempts > 0) ? maxAttempts : 5;
		firstRetry = (firstRetry != null) ? firstRetry : Duration.ofMinutes(2);
	}

	/** Whether a gateway is configured at all. */
	public boolean configured() {
		return present(this.url) && present(this.accessKey) && present(this.secret) && present(this.signature)
				&& present(this.templateId);
	}

	/** The delay before the next attempt after this many failed ones (at most a day). */
	Duration retryAfter(int failedAttempts) {
		Duration delay = this.firstRetry.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
		return delay.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : delay;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
