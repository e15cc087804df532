package org.caringmothers.visit.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Hands one message to the SMS gateway: a JSON POST of the number, the approved signature
 * and template id and the template parameters, signed with an HMAC-SHA256 of the secret
 * over the access key, a timestamp, a nonce and the body (see the README). Any answer 2xx
 * counts as sent; anything else, or no answer in time, as a failed attempt.
 */
@Component
class SmsGateway {

	static final String ACCESS_KEY = "X-Sms-Access-Key";

	static final String TIMESTAMP = "X-Sms-Timestamp";

	static final String NONCE = "X-Sms-Nonce";

	static final String SIGNATURE = "X-Sms-Signature";

	private final SmsSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	SmsGateway(SmsSettings settings, JsonMapper json, Clock clock) {
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** What the gateway answered to one attempt. */
	record Answer(boolean sent, Integer httpStatus, String response) {
	}

	Answer send(long messageId, String phone, SmsReminder reminder) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("phoneNumber", phone);
		body.put("signName", this.settings.signature());
		body.put("templateId", this.settings.templateId());
		body.put("templateParams", reminder.params());
		body.put("outId", "cm-" + messageId);
		String text = this.json.writeValueAsString(body);
		String timestamp = String.valueOf(this.clock.instant().getEpochSecond());
		String nonce = UUID.randomUUID().toString();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.settings.url()))
				.timeout(this.settings.timeout())
				.header("Content-Type", "application/json; charset=UTF-8")
				.header(ACCESS_KEY, this.settings.accessKey())
				.header(TIMESTAMP, timestamp)
				.header(NONCE, nonce)
				.header(SIGNATURE, sign(this.settings.secret(), this.settings.accessKey(), timestamp, nonce, text))
				.header("Idempotency-Key", "cm-" + messageId)
				.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
				.build();
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			int status = response.statusCode();
			return new Answer(status >= 200 && status < 300, status, trimmed(response.body()));
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Answer(false, null, trimmed(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(false, null, "interrupted");
		}
	}

	/**
	 * The request's signature: Base64 of HMAC-SHA256, keyed with the secret, over the
	 * access key, timestamp, nonce and body joined by line feeds.
	 */
	static String sign(String secret, String accessKey, String timestamp, String nonce, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac
				.doFinal((accessKey + "\n" + timestamp + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * At most 300 characters of the answer, with anything like a mobile number masked, so
	 * that the record of attempts keeps no number.
	 */
	static String trimmed(String response) {
		if (response == null) {
			return null;
		}
		String masked = response.replaceAll("1[3-9]\\d{9}", "1**********");
		return masked.length() > 300 ? masked.substring(0, 300) : masked;
	}

}
