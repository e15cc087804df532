package org.caringmothers.demo;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Three-year-action targets as a province and a city would set them: the province sets
 * 忻州市's own target for 2026 and the targets of the demo counties outside 忻州; the 忻州
 * official sets her counties' targets, some of which have no pairings yet, so the
 * dashboard shows who is behind.
 */
@Component
@RequiredArgsConstructor
class DemoTargets {

	/** Federation code, year, pairings, mothers, who set it. */
	private static final List<Object[]> TARGETS = List.of(new Object[] { "140900", 2026, 600, 300, "admin" },
			new Object[] { "140123", 2025, 30, 15, "admin" }, new Object[] { "140123", 2026, 100, 50, "admin" },
			new Object[] { "140882", 2025, 40, 20, "admin" }, new Object[] { "140882", 2026, 150, 80, "admin" },
			new Object[] { "140927", 2025, 30, 15, "xinzhou.official" },
			new Object[] { "140927", 2026, 160, 80, "xinzhou.official" },
			new Object[] { "140925", 2026, 80, 40, "xinzhou.official" },
			new Object[] { "140928", 2026, 60, 30, "xinzhou.official" },
			new Object[] { "140929", 2026, 50, 25, "xinzhou.official" });

	private final JdbcTemplate jdbc;

	/** Sets the targets not set yet; returns how many were set now. */
	@Transactional
	public int load() {
		int set = 0;
		for (Object[] target : TARGETS) {
			set += this.jdbc.update("""
					insert into target (federation_id, year, pairings, mothers, set_by)
					select f.id, ?, ?, ?, a.id from federation f, app_user a where f.code = ? and a.username = ?
					on conflict (federation_id, year) do nothing""", target[1], target[2], target[3], target[0],
					target[4]);
		}
		return set;
	}

}
