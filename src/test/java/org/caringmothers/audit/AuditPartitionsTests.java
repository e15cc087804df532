package org.caringmothers.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log in monthly partitions: the coming months prepared, a month older than
 * the retention period (never less than six months) detached whole for the archive.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPartitionsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void monthsOlderThanTheRetentionAreDetachedForTheArchiveAndRecentOnesKept() {
		LocalDate today = LocalDate.now();
		this.jdbc.queryForObject("select audit_entry_add_month(?)", String.class, LocalDate.of(2020, 1, 15));
		this.jdbc.update("""
				insert into audit_entry (occurred_at, actor_username, action, record_type)
				values ('2020-01-10 09:00:00+08', 'archive.test', 'VIEW', 'CHILD')""");
		LocalDate recent = today.minusMonths(3);
		this.jdbc.queryForObject("select audit_entry_add_month(?)", String.class, recent);
		String recentName = "audit_entry_" + recent.format(DateTimeFormatter.ofPattern("yyyy_MM"));

		// a retention shorter than six months is raised to six: nothing recent goes
		assertThat(new AuditPartitions(this.jdbc, Clock.systemUTC(), 1).archive(today))
			.containsExactly("audit_archive_2020_01");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where actor_username = 'archive.test'",
				Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_archive_2020_01 where actor_username = 'archive.test'", Long.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = 'audit_entry'::regclass and c.relname = ?""", Long.class, recentName)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid "
						+ "where i.inhparent = 'audit_entry'::regclass and c.relname = ?",
				Long.class, "audit_entry_" + today.plusMonths(2).format(DateTimeFormatter.ofPattern("yyyy_MM"))))
			.as("the coming months are prepared")
			.isEqualTo(1);
	}

}
