package org.caringmothers.demo;

import java.time.LocalDate;
import java.util.List;

import org.caringmothers.common.privacy.IdNumbers;
import org.caringmothers.common.privacy.ProtectedColumn;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo roster of caring mothers and reserves: realistic, and loaded only once. */
@SpringBootTest
class DemoVolunteersTests {

	@Autowired
	DemoDataLoader loader;

	@Autowired
	DemoVolunteers volunteers;

	@Autowired
	SensitiveDataCipher cipher;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void loadingTheDemoDataAgainKeepsOneCopy() {
		long volunteers = count("volunteer");
		long history = count("volunteer_status_change");
		long trainings = count("volunteer_training");
		long backings = count("volunteer_backing");
		this.loader.run(null);
		assertThat(this.volunteers.load()).isZero();
		assertThat(count("volunteer")).isEqualTo(volunteers);
		assertThat(count("volunteer_status_change")).isEqualTo(history);
		assertThat(count("volunteer_training")).isEqualTo(trainings);
		assertThat(count("volunteer_backing")).isEqualTo(backings);
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from volunteer v join app_user a on a.id = v.account_id join federation f on f.id = v.federation_id
						where a.username = 'loufan.mother' and v.name = '林秋菊' and f.code = '140123100' and v.status = 'ACTIVE'""",
				Long.class))
			.isEqualTo(1);
	}

	@Test
	void eachDemoCountyHasARealisticRoster() {
		for (String county : List.of("140123", "140927")) {
			// the demo makes 110 mothers and 30 reserves per county; other tests in the
			// same
			// database register a few more and hand children over to reserves (who become
			// mothers), so the roster is checked within that margin
			long mothers = countIn(county, "MOTHER");
			long reserves = countIn(county, "RESERVE");
			assertThat(mothers + reserves).as(county).isBetween(140L, 146L);
			assertThat(mothers).as(county).isBetween(110L, 116L);
			assertThat(reserves).as(county).isBetween(24L, 30L);
			assertThat(this.jdbc.queryForObject("""
					select count(distinct v.federation_id) from volunteer v join federation f on f.id = v.federation_id
					where f.code like ? || '%' and f.level = 'TOWNSHIP'""", Long.class, county))
				.as("townships with volunteers in %s", county)
				.isGreaterThan(5);
			double activeShare = (double) this.jdbc.queryForObject("""
					select count(*) from volunteer v join federation f on f.id = v.federation_id
					where f.code like ? || '%' and v.status = 'ACTIVE' and v.created_by is null""", Long.class, county)
					/ 140;
			assertThat(activeShare).as("mostly active in %s", county).isBetween(0.6, 0.95);
		}
		assertThat(countIn("140882", "MOTHER")).isEqualTo(40);
		assertThat(this.jdbc.queryForObject("select count(*) from volunteer where status in ('SUSPENDED', 'WITHDRAWN')",
				Long.class))
			.isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from volunteer where gender = 'FEMALE'", Long.class))
			.isGreaterThan(count("volunteer") * 9 / 10);
		assertThat(this.jdbc.queryForObject(
				"select max(n) from (select count(*) n from volunteer_backing group by mother_id) c", Long.class))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from volunteer m where m.role = 'MOTHER' and m.status = 'ACTIVE'
				  and (select count(*) from volunteer_backing b where b.mother_id = m.id) not between 2 and 3
				  and split_part((select path from federation where id = m.federation_id), '/', 4) not in (
				    select split_part(f.path, '/', 4) from volunteer v join federation f on f.id = v.federation_id
				    join volunteer_status_change h on h.volunteer_id = v.id where h.to_role is not null)""",
				Long.class))
			.as("active mothers without two or three reserves")
			.isZero();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from volunteer v where v.status = 'ACTIVE' and v.role = 'MOTHER'
				  and (select coalesce(sum(hours), 0) from volunteer_training t where t.volunteer_id = v.id) < 2""",
				Long.class))
			.as("active mothers without two hours of training")
			.isZero();
		for (String cipherText : this.jdbc.queryForList("select id_number_cipher from volunteer", String.class)) {
			String idNumber = this.cipher.decrypt(ProtectedColumn.VOLUNTEER_ID_NUMBER, cipherText);
			assertThat(IdNumbers.isValid(idNumber)).isTrue();
			assertThat(IdNumbers.birthDate(idNumber)).isBetween(LocalDate.of(1965, 1, 1), LocalDate.of(2000, 12, 31));
		}
	}

	/** Demo rows only: volunteers registered by tests have a creator. */
	private long countIn(String countyCode, String role) {
		return this.jdbc.queryForObject("""
				select count(*) from volunteer v join federation f on f.id = v.federation_id
				where f.code like ? || '%' and v.role = ? and v.created_by is null""", Long.class, countyCode, role);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
