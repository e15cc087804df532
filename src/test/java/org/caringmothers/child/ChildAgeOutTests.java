package org.caringmothers.child;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Children are marked AGED_OUT once they turn 18, and not a day before. */
@SpringBootTest
class ChildAgeOutTests {

	@Autowired
	ChildService children;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void activeChildrenTurningEighteenAgeOut() {
		LocalDate today = LocalDate.now();
		long turnsToday = insert("今天成年", today.minusYears(18));
		long turnsTomorrow = insert("明天成年", today.minusYears(18).plusDays(1));
		long movedAway = insert("已迁出成年", today.minusYears(19));
		this.jdbc.update("update child set status = 'MOVED', status_reason = '迁出' where id = ?", movedAway);
		this.children.ageOut();
		assertThat(status(turnsToday)).isEqualTo("AGED_OUT");
		assertThat(status(turnsTomorrow)).isEqualTo("ACTIVE");
		assertThat(status(movedAway)).isEqualTo("MOVED");
	}

	private long insert(String name, LocalDate birth) {
		return this.jdbc.queryForObject("""
				insert into child (federation_id, name, gender, birth_date, parents_situation, risk_level)
				select id, ?, 'FEMALE', ?, 'OTHER', 'LOW' from federation where code = '140123101' returning id""",
				Long.class, name, java.sql.Date.valueOf(birth));
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from child where id = ?", String.class, id);
	}

}
