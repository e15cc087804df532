package org.caringmothers.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo data loads once: running the loader again changes nothing. */
@SpringBootTest
class DemoDataLoaderTests {

	@Autowired
	DemoDataLoader loader;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void loadingTheDemoDataAgainKeepsOneCopy() {
		long accounts = count("app_user");
		long stations = count("station");
		long federations = count("federation");
		this.loader.run(null);
		this.loader.run(null);
		assertThat(count("app_user")).isEqualTo(accounts);
		assertThat(count("station")).isEqualTo(stations);
		assertThat(count("federation")).isEqualTo(federations);
		for (DemoDataLoader.DemoAccount account : DemoDataLoader.ACCOUNTS) {
			assertThat(this.jdbc.queryForObject("select count(*) from app_user where username = ?", Long.class,
					account.username()))
				.isEqualTo(1);
		}
	}

	@Test
	void brandsFromTheSeedPageAreSet() {
		assertThat(brand("140900")).isEqualTo("忻愿爱心妈妈");
		assertThat(brand("141000")).isEqualTo("平阳爱心妈妈");
		assertThat(brand("140123")).isEqualTo("娄烦爱心妈妈");
	}

	private String brand(String code) {
		return this.jdbc.queryForObject("select programme_name from federation where code = ?", String.class, code);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
