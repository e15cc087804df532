package org.caringmothers.common.privacy;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every ciphertext that is not under the current suite and secret (first-format
 * values, values under {@code DATA_SECRET_PREVIOUS}, values under another suite) to the
 * current one, and recomputes its keyed hash. It runs at every start, before the first
 * request is served, under a database lock so that two instances starting together do not
 * both do it; when nothing is left to move it costs one query per column. Rotating the
 * secret is therefore: stop the application, start it once with the new secret as
 * {@code DATA_SECRET} and the old one as {@code DATA_SECRET_PREVIOUS}, then drop
 * {@code DATA_SECRET_PREVIOUS}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
public class SensitiveDataReencryption implements ApplicationRunner {

	private static final long LOCK = 0x6361726d6f6d3031L;

	private static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(SensitiveDataReencryption.class);

	private final SensitiveDataCipher cipher;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	@Override
	public void run(ApplicationArguments args) {
		int moved = reencryptAll();
		if (moved > 0) {
			log.warn("Re-encrypted {} values under the current data secret; DATA_SECRET_PREVIOUS can now be removed.",
					moved);
		}
	}

	/** Re-encrypts what is not current; answers how many values were moved. */
	public int reencryptAll() {
		Integer moved = this.transactions.execute((status) -> {
			this.jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK);
			int count = 0;
			for (ProtectedColumn column : ProtectedColumn.values()) {
				count += reencrypt(column);
			}
			return count;
		});
		return (moved != null) ? moved : 0;
	}

	private int reencrypt(ProtectedColumn column) {
		Boolean exists = this.jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, column.table());
		if (!Boolean.TRUE.equals(exists)) {
			return 0;
		}
		String select = "select id, " + column.cipherColumn() + " from " + column.table() + " where "
				+ column.cipherColumn() + " is not null and " + column.cipherColumn() + " not like ? order by id limit "
				+ BATCH;
		String update = "update " + column.table() + " set " + column.cipherColumn() + " = ?"
				+ ((column.indexColumn() != null) ? ", " + column.indexColumn() + " = ?" : "") + " where id = ?";
		String like = this.cipher.currentPrefix().replace("_", "\\_").replace("%", "\\%") + "%";
		int count = 0;
		while (true) {
			List<Object[]> batch = this.jdbc.query(select, (rs, n) -> new Object[] { rs.getObject(1), rs.getString(2) },
					like);
			if (batch.isEmpty()) {
				return count;
			}
			for (Object[] row : batch) {
				if (column.indexColumn() != null) {
					String plain = this.cipher.decrypt(column, (String) row[1]);
					this.jdbc.update(update, this.cipher.encrypt(column, plain), this.cipher.blindIndex(plain), row[0]);
				}
				else {
					byte[] plain = this.cipher.decryptBytes(column, (String) row[1]);
					this.jdbc.update(update, this.cipher.encrypt(column, plain), row[0]);
				}
				count++;
			}
		}
	}

}
