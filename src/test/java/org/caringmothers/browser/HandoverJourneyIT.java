package org.caringmothers.browser;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 接替: staff of 娄烦县 open a leaving mother's page, see which of her reserves may take over
 * and what the other still lacks, and hand both children over in one step; the reserve is
 * then an active caring mother with the children, and both mothers' pages tell the story.
 */
class HandoverJourneyIT extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aLeavingMothersChildrenAreTakenOverByHerReadyReserve() {
		long mother = this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.status = 'ACTIVE' and v.role = 'MOTHER' and v.account_id is null
				  and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.volunteer_id = v.id)
				order by v.id limit 1""", Long.class);
		String motherName = this.jdbc.queryForObject("select name from volunteer where id = ?", String.class, mother);
		List<Long> children = this.jdbc.queryForList("""
				select c.id from child c join federation f on f.id = c.federation_id
				where c.status = 'ACTIVE' and f.path like (select path || '%' from federation where code = '140123')
				  and not exists (select 1 from pairing p where p.child_id = c.id)
				order by c.id limit 2""", Long.class);
		for (long child : children) {
			this.jdbc.update(
					"insert into pairing (volunteer_id, child_id, start_date, federation_id) "
							+ "select ?, c.id, ?, c.federation_id from child c where c.id = ?",
					mother, java.sql.Date.valueOf(LocalDate.now().minusDays(90)), child);
		}
		long ready = this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.role = 'RESERVE' and v.status = 'ACTIVE' and v.oath_date is not null
				  and f.path like (select path || '%' from federation where code = '140123')
				  and (select coalesce(sum(t.hours), 0) from volunteer_training t where t.volunteer_id = v.id) >= 2
				order by v.id desc limit 1""", Long.class);
		String readyName = this.jdbc.queryForObject("select name from volunteer where id = ?", String.class, ready);
		long notReady = this.jdbc.queryForObject("""
				select v.id from volunteer v join federation f on f.id = v.federation_id
				where v.role = 'RESERVE' and v.status = 'APPLIED'
				  and f.path like (select path || '%' from federation where code = '140123')
				order by v.id desc limit 1""", Long.class);
		this.jdbc.update("delete from volunteer_backing where mother_id = ?", mother);
		this.jdbc.update("insert into volunteer_backing (reserve_id, mother_id) values (?, ?), (?, ?)", ready, mother,
				notReady, mother);

		signIn(DemoUser.LOUFAN_STAFF);
		open("/volunteers/" + mother);
		clickAndWaitForNextPage(By.id("handover-link"));
		assertThat(currentPath()).as(onPage()).isEqualTo("/pairings/mother/" + mother + "/handover");
		assertThat(text(By.id("reserve-" + ready))).as(onPage()).contains("符合条件");
		assertThat(text(By.id("reserve-" + notReady))).contains("尚不能接替").contains("审核未完成").contains("尚未宣誓");
		for (long child : children) {
			assertThat(present(By.id("child-" + child)).getDomProperty("value")).isEqualTo(String.valueOf(ready));
		}
		// the reason she leaves is asked for before anything changes
		assertThat(present(By.id("reason")).getDomAttribute("required")).isNotNull();
		type(By.id("reason"), "随子女搬到太原");
		clickAndWaitForNextPage(By.id("handover-submit"));
		assertThat(currentPath()).as(onPage()).isEqualTo("/pairings/mother/" + mother);
		assertThat(text(By.id("flash-success"))).contains("2");
		assertThat(driver().findElements(By.cssSelector("#mother-pairings a.successor"))).hasSize(2)
			.allSatisfy(link -> assertThat(link.getText()).contains(readyName));

		open("/pairings/mother/" + ready);
		assertThat(driver().findElements(By.cssSelector("#mother-pairings tr.table-success"))).as(onPage()).hasSize(2);
		assertThat(driver().findElements(By.cssSelector("#mother-pairings a.predecessor"))).hasSize(2)
			.allSatisfy(link -> assertThat(link.getText()).contains(motherName));

		open("/volunteers/" + ready);
		assertThat(text(By.id("volunteer-status"))).as(onPage()).isEqualTo("在岗服务");
		assertThat(text(By.id("history"))).contains("成为爱心妈妈").contains("接替爱心妈妈" + motherName);
		open("/volunteers/" + mother);
		assertThat(text(By.id("volunteer-status"))).isEqualTo("已退出");
		assertThat(text(By.id("history"))).contains("随子女搬到太原");
		assertThat(browserErrors()).isEmpty();
	}

}
