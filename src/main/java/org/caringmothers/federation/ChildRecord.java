package org.caringmothers.federation;

import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import lombok.Getter;
import org.caringmothers.common.persistence.VersionedEntity;

/**
 * A record about a child kept by another module than hers (a pairing, a contact, a need):
 * it keeps its own copy of her federation, which decides who sees it
 * ({@link Scope#where}) and where its figures count. The copy is written when the record
 * is made and moved only with her, by the owning module's bulk update when the child
 * module announces her move; never by saving a record read earlier.
 */
@MappedSuperclass
@Getter
public abstract class ChildRecord extends VersionedEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "federation_id", updatable = false)
	private Federation federation;

	protected ChildRecord() {
	}

	protected ChildRecord(Federation federation) {
		this.federation = federation;
	}

}
