package org.caringmothers.visit.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.caringmothers.volunteer.VolunteerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of reminder messages. A reminder queues a message for the mother in the
 * reminder's own transaction; at most one message a day goes to each mother (a second
 * reminder that day joins the first, refreshing its figures while it waits).
 * {@link #sendDue()} hands the waiting messages to the gateway, records each attempt and
 * retries a failure later, each time after twice the delay, until it is given up.
 */
@Service
@EnableConfigurationProperties(SmsSettings.class)
public class SmsOutbox {

	/** The day of "one message a day": the programme's own calendar day. */
	static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(SmsOutbox.class);

	/** How many messages one run claims. */
	private static final int BATCH = 50;

	private final JdbcClient jdbc;

	private final SmsSettings settings;

	private final SmsGateway gateway;

	private final VolunteerService volunteers;

	private final JsonMapper json;

	private final Clock clock;

	SmsOutbox(JdbcClient jdbc, SmsSettings settings, SmsGateway gateway, VolunteerService volunteers, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.gateway = gateway;
		this.volunteers = volunteers;
		this.json = json;
		this.clock = clock;
	}

	/** Whether messages go to a gateway (otherwise they are only recorded). */
	public boolean gatewayConfigured() {
		return this.settings.configured();
	}

	/** One message as staff see it. */
	public record Message(long id, SmsStatus status, LocalDate day, int attempts, Instant sentAt, Instant nextAttemptAt,
			String lastResponse) {

		/** The message key of its status for staff. */
		public String statusKey() {
			return "sms.status." + this.status;
		}

	}

	/**
	 * Queues today's reminder message for the mother (joins today's message if there is
	 * one) and answers its id. Without a configured gateway the message is only recorded.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long queue(long motherId, SmsReminder reminder) {
		String params = this.json.writeValueAsString(reminder.params());
		SmsStatus status = this.settings.configured() ? SmsStatus.PENDING : SmsStatus.NOT_CONFIGURED;
		return this.jdbc.sql("""
				insert into sms_message (volunteer_id, send_day, params, status) values (?, ?, ?, ?)
				on conflict (volunteer_id, send_day) do update set params = case
				  when sms_message.status = 'PENDING' then excluded.params else sms_message.params end
				returning id""").params(motherId, today(), params, status.name()).query(Long.class).single();
	}

	/** The messages with these ids, by id. */
	@Transactional(readOnly = true)
	public Map<Long, Message> messages(Collection<Long> ids) {
		Map<Long, Message> messages = new HashMap<>();
		if (ids.isEmpty()) {
			return messages;
		}
		this.jdbc.sql("""
				select m.id, m.status, m.send_day, m.attempts, m.sent_at, m.next_attempt_at,
				  (select a.response from sms_attempt a where a.message_id = m.id
				   order by a.attempted_at desc, a.id desc limit 1) as last_response
				from sms_message m where m.id in (:ids)""")
			.param("ids", ids)
			.query((rs, row) -> new Message(rs.getLong("id"), SmsStatus.valueOf(rs.getString("status")),
					rs.getObject("send_day", LocalDate.class), rs.getInt("attempts"),
					instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("next_attempt_at")),
					rs.getString("last_response")))
			.list()
			.forEach(message -> messages.put(message.id(), message));
		return messages;
	}

	/**
	 * Hands every waiting message whose time has come to the gateway; answers how many
	 * were sent. Each message is claimed first (so that a run elsewhere skips it), then
	 * sent, then its attempt recorded.
	 */
	public int sendDue() {
		if (!this.settings.configured()) {
			return 0;
		}
		int sent = 0;
		for (Claimed message : claim()) {
			if (attempt(message)) {
				sent++;
			}
		}
		return sent;
	}

	private record Claimed(long id, long volunteerId, String params, int attempts) {
	}

	private List<Claimed> claim() {
		return this.jdbc.sql("""
				update sms_message set next_attempt_at = now() + make_interval(secs => ?)
				where id in (select id from sms_message where status = 'PENDING' and next_attempt_at <= now()
				             order by next_attempt_at, id limit ? for update skip locked)
				returning id, volunteer_id, params, attempts""")
			.params(this.settings.timeout().toSeconds() * 2 + 60, BATCH)
			.query((rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getString("params"),
					rs.getInt("attempts")))
			.list();
	}

	private boolean attempt(Claimed message) {
		Optional<String> number = this.volunteers.numberForMessage(message.volunteerId());
		if (number.isEmpty()) {
			this.jdbc.sql("update sms_message set status = 'CANCELLED' where id = ?").params(message.id()).update();
			return false;
		}
		Map<String, String> params = this.json.readValue(message.params(), new TypeReference<Map<String, String>>() {
		});
		SmsReminder reminder = new SmsReminder(params.get("name"), Long.parseLong(params.get("days")),
				Integer.parseInt(params.get("children")));
		SmsGateway.Answer answer = this.gateway.send(message.id(), number.get(), reminder);
		int attempts = message.attempts() + 1;
		this.jdbc.sql("""
				insert into sms_attempt (message_id, outcome, http_status, response) values (?, ?, ?, ?)""")
			.params(message.id(), answer.sent() ? "SENT" : "FAILED", answer.httpStatus(), answer.response())
			.update();
		if (answer.sent()) {
			this.jdbc.sql("update sms_message set status = 'SENT', attempts = ?, sent_at = now() where id = ?")
				.params(attempts, message.id())
				.update();
			return true;
		}
		boolean givenUp = attempts >= this.settings.maxAttempts();
		this.jdbc.sql("""
				update sms_message set status = ?, attempts = ?, next_attempt_at = now() + make_interval(secs => ?)
				where id = ?""")
			.params(givenUp ? "FAILED" : "PENDING", attempts, this.settings.retryAfter(attempts).toSeconds(),
					message.id())
			.update();
		log.warn("SMS reminder {} not accepted by the gateway (attempt {}, HTTP {}){}", message.id(), attempts,
				answer.httpStatus(), givenUp ? ", given up" : "");
		return false;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), PROGRAMME_ZONE);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
