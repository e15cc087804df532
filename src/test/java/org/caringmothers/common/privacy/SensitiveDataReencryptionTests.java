package org.caringmothers.common.privacy;

import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the data secret: with the new secret current and the old one previous, every
 * identity number (first-format and versioned values alike) is re-encrypted and
 * re-indexed, after which the new secret alone reads everything.
 */
class SensitiveDataReencryptionTests {

	static EmbeddedPostgres postgres;

	static JdbcTemplate jdbc;

	@BeforeAll
	static void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
		jdbc.execute("create table volunteer (id bigint primary key, id_number_cipher varchar(200) not null,"
				+ " id_number_index varchar(64) not null unique)");
		jdbc.execute("create table child (id bigint primary key, id_number_cipher varchar(200),"
				+ " id_number_index varchar(64) unique)");
	}

	@AfterAll
	static void stop() throws Exception {
		postgres.close();
	}

	private static SensitiveDataReencryption reencryption(SensitiveDataCipher cipher) {
		return new SensitiveDataReencryption(cipher, jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())));
	}

	@Test
	void rotatesEveryValueToTheNewSecret() throws Exception {
		SensitiveDataCipher old = new SensitiveDataCipher(SensitiveDataCipherTests.SECRET);
		jdbc.update("insert into volunteer values (1, ?, ?)", old.encrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, "V1"),
				old.blindIndex("V1"));
		jdbc.update("insert into volunteer values (2, ?, ?)",
				SensitiveDataCipherTests.firstFormat(SensitiveDataCipherTests.SECRET, "V2"), "legacy-index");
		jdbc.update("insert into child values (1, ?, ?)", old.encrypt(ProtectedColumn.CHILD_ID_NUMBER, "C1"),
				old.blindIndex("C1"));
		jdbc.update("insert into child values (2, null, null)");

		SensitiveDataCipher withoutPrevious = new SensitiveDataCipher(SensitiveDataCipherTests.NEW_SECRET);
		assertThatThrownBy(() -> reencryption(withoutPrevious).reencryptAll())
			.isInstanceOf(IllegalStateException.class);

		SensitiveDataCipher rotating = new SensitiveDataCipher("A256GCM", SensitiveDataCipherTests.NEW_SECRET,
				SensitiveDataCipherTests.SECRET);
		assertThat(reencryption(rotating).reencryptAll()).isEqualTo(3);
		assertThat(reencryption(rotating).reencryptAll()).isZero();

		SensitiveDataCipher after = new SensitiveDataCipher(SensitiveDataCipherTests.NEW_SECRET);
		List<String> volunteers = jdbc.query(
				"select id_number_cipher || ' ' || id_number_index from volunteer order by id",
				(rs, n) -> rs.getString(1));
		assertThat(volunteers).hasSize(2);
		assertThat(after.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, volunteers.get(0).split(" ")[0])).isEqualTo("V1");
		assertThat(volunteers.get(0).split(" ")[1]).isEqualTo(after.blindIndex("V1"));
		assertThat(after.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, volunteers.get(1).split(" ")[0])).isEqualTo("V2");
		assertThat(volunteers.get(1).split(" ")[1]).isEqualTo(after.blindIndex("V2"));
		String child = jdbc.queryForObject("select id_number_cipher from child where id = 1", String.class);
		assertThat(after.decrypt(ProtectedColumn.CHILD_ID_NUMBER, child)).isEqualTo("C1");
		assertThat(jdbc.queryForObject("select id_number_index from child where id = 1", String.class))
			.isEqualTo(after.blindIndex("C1"));
		assertThat(jdbc.queryForObject("select id_number_cipher from child where id = 2", String.class)).isNull();
	}

}
