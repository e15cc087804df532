package org.caringmothers.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows an address that fails to sign in across many accounts (the lock-out of one
 * account does not stop guessing one password at many): after {@code limit} failed
 * sign-ins or codes from one address within {@code window}, that address may not try
 * again for {@code pause}. Kept in the database, so every instance knows; each pause is
 * recorded in the access log.
 */
@Component
public class AddressThrottle {

	static final String RECORD = "ADDRESS";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AuditService audit;

	private final int limit;

	private final Duration window;

	private final Duration pause;

	AddressThrottle(JdbcTemplate jdbc, Clock clock, AuditService audit,
			@Value("${caringmothers.sign-in.address-limit:20}") int limit,
			@Value("${caringmothers.sign-in.address-window:15m}") Duration window,
			@Value("${caringmothers.sign-in.address-pause:15m}") Duration pause) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.limit = limit;
		this.window = window;
		this.pause = pause;
	}

	/**
	 * The minutes (at least 1) an address must still wait, or 0 when it may try.
	 */
	@Transactional(readOnly = true)
	public long minutesToWait(String address) {
		if (address == null) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<Timestamp> until = this.jdbc.queryForList(
				"select blocked_until from sign_in_address where address = ? and blocked_until > ?", Timestamp.class,
				address, Timestamp.from(now));
		if (until.isEmpty()) {
			return 0;
		}
		long seconds = Duration.between(now, until.get(0).toInstant()).toSeconds();
		return Math.max(1, (seconds + 59) / 60);
	}

	/**
	 * Counts one failure of the address, in a transaction of its own (the failed
	 * request's own work may roll back); at the limit the address is paused and the count
	 * starts again.
	 * @return whether this failure paused the address
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean failed(String address, String username) {
		if (address == null) {
			return false;
		}
		Instant now = this.clock.instant();
		this.jdbc.update("""
				insert into sign_in_address (address, window_start, failures) values (?, ?, 0)
				on conflict (address) do nothing""", address, Timestamp.from(now));
		Object[] row = this.jdbc.queryForObject(
				"select window_start, failures from sign_in_address where address = ? for update",
				(rs, i) -> new Object[] { rs.getTimestamp(1).toInstant(), rs.getInt(2) }, address);
		Instant windowStart = (Instant) row[0];
		int failures = (int) row[1];
		if (windowStart.isBefore(now.minus(this.window))) {
			windowStart = now;
			failures = 0;
		}
		failures++;
		if (failures >= this.limit) {
			Instant until = now.plus(this.pause);
			this.jdbc.update(
					"update sign_in_address set window_start = ?, failures = 0, blocked_until = ? where address = ?",
					Timestamp.from(now), Timestamp.from(until), address);
			this.audit.recordAs(null, (username == null) ? "unknown" : username, AuditAction.ADDRESS_BLOCKED, RECORD,
					null, address + " paused for " + this.pause.toMinutes() + " minutes after " + this.limit
							+ " failures within " + this.window.toMinutes() + " minutes");
			return true;
		}
		this.jdbc.update("update sign_in_address set window_start = ?, failures = ? where address = ?",
				Timestamp.from(windowStart), failures, address);
		return false;
	}

}
