package org.caringmothers.federation;

import java.util.List;

import org.caringmothers.common.NotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FederationService#lineageAndSummary} answers what
 * {@link FederationService#lineage} and {@link FederationService#summary} answer, at
 * every level of the tree, and refuses a federation outside the scope as lineage does.
 */
@SpringBootTest
class LineageAndSummaryTests {

	@Autowired
	FederationService federations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void answersTheLineageAndTheSummaryAtEveryLevel() {
		for (FederationLevel level : FederationLevel.values()) {
			List<Long> ids = this.jdbc.queryForList("select id from federation where level = ? order by id limit 3",
					Long.class, level.name());
			for (long id : ids) {
				Federation federation = this.federations.findById(id).orElseThrow();
				Scope scope = Scope.of(federation);
				LineageAndSummary both = this.federations.lineageAndSummary(id, scope);
				assertThat(both.lineage()).as("lineage of %s", id)
					.extracting(Federation::getId)
					.containsExactlyElementsOf(
							this.federations.lineage(id, scope).stream().map(Federation::getId).toList());
				assertThat(both.federation().getId()).isEqualTo(id);
				assertThat(both.ancestors()).hasSize(both.lineage().size() - 1);
				assertThat(both.summary()).as("summary of %s", id).isEqualTo(this.federations.summary(federation));
			}
		}
	}

	@Test
	void countsTheStationsUnderIt() {
		long id = this.jdbc.queryForObject("""
				select f.id from federation f where exists (select 1 from station s join federation sf
				  on sf.id = s.federation_id where sf.path like f.path || '%') order by f.path desc limit 1""",
				Long.class);
		long stations = this.jdbc.queryForObject("""
				select count(*) from station s join federation sf on sf.id = s.federation_id
				where sf.path like (select path from federation where id = ?) || '%'""", Long.class, id);
		Federation federation = this.federations.findById(id).orElseThrow();
		assertThat(stations).isPositive();
		assertThat(this.federations.lineageAndSummary(id, Scope.of(federation)).summary().stations())
			.isEqualTo(stations);
	}

	@Test
	void refusesAFederationOutsideTheScopeOrUnknown() {
		List<Long> counties = this.jdbc
			.queryForList("select id from federation where level = 'COUNTY' order by id limit 2", Long.class);
		Scope first = Scope.of(this.federations.findById(counties.get(0)).orElseThrow());
		assertThatThrownBy(() -> this.federations.lineageAndSummary(counties.get(1), first))
			.isInstanceOf(NotFoundException.class);
		long parent = this.jdbc.queryForObject("select parent_id from federation where id = ?", Long.class,
				counties.get(0));
		assertThatThrownBy(() -> this.federations.lineageAndSummary(parent, first))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.federations.lineageAndSummary(-1, first)).isInstanceOf(NotFoundException.class);
	}

}
