package org.caringmothers.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the access log's monthly partitions: this month's and the next two exist before
 * they are needed, and a month older than the retention period (at least six months,
 * {@code caringmothers.audit.retention-months}, default 12) is detached from the log and
 * kept as the table {@code audit_archive_YYYY_MM}, to be dumped to the archive and then
 * dropped by the operator. Nothing is deleted here.
 */
@Component
class AuditPartitions {

	static final int MINIMUM_MONTHS = 6;

	private static final Logger log = LoggerFactory.getLogger(AuditPartitions.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int retentionMonths;

	AuditPartitions(JdbcTemplate jdbc, Clock clock,
			@Value("${caringmothers.audit.retention-months:12}") int retentionMonths) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retentionMonths = Math.max(MINIMUM_MONTHS, retentionMonths);
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "0 15 0 * * *", zone = "Asia/Shanghai")
	void maintain() {
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		prepare(today);
		List<String> archived = archive(today);
		if (!archived.isEmpty()) {
			log.info("Access log months detached for the archive: {}", archived);
		}
	}

	/** Creates the partitions of this month and the next two when missing. */
	@Transactional
	void prepare(LocalDate today) {
		for (int i = 0; i <= 2; i++) {
			this.jdbc.queryForObject("select audit_entry_add_month(?)", String.class, today.plusMonths(i));
		}
	}

	/**
	 * Detaches every month that ended more than the retention period before today,
	 * renaming it {@code audit_archive_YYYY_MM}.
	 * @return the archived tables' names
	 */
	@Transactional
	List<String> archive(LocalDate today) {
		YearMonth oldestKept = YearMonth.from(today).minusMonths(this.retentionMonths);
		List<String> archived = new ArrayList<>();
		List<String> partitions = this.jdbc.queryForList("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = 'audit_entry'::regclass and c.relname ~ '^audit_entry_[0-9]{4}_[0-9]{2}$'
				order by c.relname""", String.class);
		for (String partition : partitions) {
			YearMonth month = YearMonth.parse(partition.substring("audit_entry_".length()).replace('_', '-'));
			if (month.isBefore(oldestKept)) {
				// with the owner's rights (V50): the application's role owns no table
				archived.add(this.jdbc.queryForObject("select audit_entry_archive_month(?)", String.class, partition));
			}
		}
		return archived;
	}

}
