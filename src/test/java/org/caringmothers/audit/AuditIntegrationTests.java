package org.caringmothers.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access log on real PostgreSQL: written, searchable, and never changed. */
@SpringBootTest
class AuditIntegrationTests {

	@Autowired
	AuditService audit;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntries() {
		this.audit.record(AuditAction.VIEW, "CHILD", 987654L, "audit test");
		Long id = this.jdbc.queryForObject("select max(id) from audit_entry where record_id = 987654", Long.class);
		assertThatThrownBy(() -> this.jdbc.update("update audit_entry set summary = 'changed' where id = ?", id))
			.hasMessageContaining("cannot be changed or deleted");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_entry where id = ?", id))
			.hasMessageContaining("cannot be changed or deleted");
		assertThatThrownBy(() -> this.jdbc.execute("truncate audit_entry"))
			.hasMessageContaining("cannot be changed or deleted");
		assertThat(this.jdbc.queryForObject("select summary from audit_entry where id = ?", String.class, id))
			.isEqualTo("audit test");
	}

	@Test
	void entriesAreFoundByRecordActionAndUser() {
		this.audit.record(AuditAction.EXPORT, "VOLUNTEER", 123456L, "export test");
		AuditFilter filter = new AuditFilter();
		filter.setRecordType("volunteer");
		filter.setRecordId(123456L);
		filter.setAction(AuditAction.EXPORT);
		filter.setUsername("system");
		assertThat(this.audit.search(filter, PageRequest.of(0, 10)).getContent()).singleElement()
			.satisfies(entry -> assertThat(entry.summary()).isEqualTo("export test"));
		filter.setAction(AuditAction.VIEW);
		assertThat(this.audit.search(filter, PageRequest.of(0, 10)).getTotalElements()).isZero();
	}

}
