package org.caringmothers.federation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database, creates the federation tree of Shanxi (province, cities,
 * counties, townships) from the division list shipped in the application's resources.
 */
@Component
@Order(10)
@RequiredArgsConstructor
class FederationTreeLoader implements ApplicationRunner {

	static final String DIVISIONS = "data/shanxi-divisions.csv";

	private static final Logger log = LoggerFactory.getLogger(FederationTreeLoader.class);

	private final JdbcTemplate jdbc;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Long existing = this.jdbc.queryForObject("select count(*) from federation", Long.class);
		if (existing != null && existing > 0) {
			return;
		}
		List<String[]> rows = readDivisions();
		rows.sort(Comparator.comparing((String[] row) -> FederationLevel.valueOf(row[2])).thenComparing(row -> row[0]));
		this.jdbc.batchUpdate("""
				insert into federation (parent_id, level, code, name)
				values ((select id from federation where code = ?), ?, ?, ?)
				on conflict (code) do nothing""", rows, 500, (statement, row) -> {
			statement.setString(1, row[3].isEmpty() ? null : row[3]);
			statement.setString(2, row[2]);
			statement.setString(3, row[0]);
			statement.setString(4, row[1]);
		});
		log.info("Federation tree created: {} federations from {}", rows.size(), DIVISIONS);
	}

	static List<String[]> readDivisions() {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(DIVISIONS).getInputStream(), StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null || !header.startsWith("code,name,level,parent_code")) {
				throw new IllegalStateException("Unexpected header in " + DIVISIONS);
			}
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					rows.add(line.split(",", -1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}
