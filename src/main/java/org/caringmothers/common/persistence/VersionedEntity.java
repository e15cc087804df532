package org.caringmothers.common.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import lombok.Getter;

/**
 * An entity that staff edit in forms: its version travels with the form and is checked on
 * save ({@link Versions#check}), and the database's optimistic lock catches the rest.
 */
@MappedSuperclass
@Getter
public abstract class VersionedEntity extends BaseEntity {

	@Version
	private long version;

}
