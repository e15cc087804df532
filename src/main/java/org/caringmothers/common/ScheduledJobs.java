package org.caringmothers.common;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job once across all application instances that share the database: a
 * PostgreSQL advisory lock keeps two instances from running it at the same time, and the
 * job's last start ({@code scheduled_run}) keeps a second instance whose clock ticked a
 * little later from running it again within the same period.
 */
@Component
public class ScheduledJobs {

	private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

	private final DataSource dataSource;

	ScheduledJobs(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs {@code job} unless another instance runs it now or started it less than
	 * {@code minimumGap} ago; answers whether it ran here.
	 */
	public boolean runOnce(String name, Duration minimumGap, Runnable job) {
		long key = lockKey(name);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			if (!query(connection, "select pg_try_advisory_lock(" + key + ")")) {
				log.debug("Scheduled job {} runs on another instance", name);
				return false;
			}
			try {
				try (PreparedStatement claim = connection.prepareStatement(
						"insert into scheduled_run (name, last_run) values (?, now()) on conflict (name) do update"
								+ " set last_run = excluded.last_run where scheduled_run.last_run < now() - ?::interval")) {
					claim.setString(1, name);
					claim.setString(2, minimumGap.toSeconds() + " seconds");
					if (claim.executeUpdate() == 0) {
						log.debug("Scheduled job {} already ran on another instance", name);
						return false;
					}
				}
				job.run();
				return true;
			}
			finally {
				query(connection, "select pg_advisory_unlock(" + key + ")");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot coordinate scheduled job " + name, ex);
		}
	}

	private static boolean query(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			return rs.next() && rs.getBoolean(1);
		}
	}

	static long lockKey(String name) {
		CRC32 crc = new CRC32();
		crc.update(("scheduled:" + name).getBytes(StandardCharsets.UTF_8));
		return 0x5343480000000000L | crc.getValue();
	}

}
