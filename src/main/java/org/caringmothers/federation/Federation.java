package org.caringmothers.federation;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.EntityResult;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.persistence.VersionedEntity;
import org.hibernate.annotations.Generated;

/**
 * One women's federation (妇联) in the tree. Its {@code path} lists the ids from the root
 * down to itself ({@code /1/12/345/}); it is set by the database when the row is
 * inserted.
 */
@Entity
@Table(name = "federation")
@SqlResultSetMapping(name = Federation.LINEAGE_AND_SUMMARY, entities = @EntityResult(entityClass = Federation.class),
		columns = { @ColumnResult(name = "by_level", type = String.class),
				@ColumnResult(name = "stations", type = Long.class) })
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Federation extends VersionedEntity {

	/**
	 * The result of {@code FederationService#lineageAndSummary}: each federation of the
	 * lineage with the subtree's counts by level ({@code LEVEL=n,...}) and its stations.
	 */
	static final String LINEAGE_AND_SUMMARY = "Federation.lineageAndSummary";

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id", updatable = false)
	private Federation parent;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private FederationLevel level;

	@Column(nullable = false, updatable = false)
	private String code;

	@Column(nullable = false)
	private String name;

	private String programmeName;

	@Generated
	@Column(insertable = false, updatable = false)
	private String path;

	private Integer motherCapacity;

	private Integer contactDays;

	private Integer homeVisitDays;

	Federation(Federation parent, FederationLevel level, String code, String name, String programmeName) {
		this.parent = parent;
		this.level = level;
		this.code = code;
		this.name = name;
		this.programmeName = programmeName;
	}

	void rename(String name) {
		this.name = name;
	}

	void brand(String programmeName) {
		this.programmeName = programmeName;
	}

	void setRules(Integer motherCapacity, Integer contactDays, Integer homeVisitDays) {
		this.motherCapacity = motherCapacity;
		this.contactDays = contactDays;
		this.homeVisitDays = homeVisitDays;
	}

	/** The ids from the root down to this federation, itself included. */
	public long[] lineage() {
		String[] parts = this.path.substring(1, this.path.length() - 1).split("/");
		long[] ids = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			ids[i] = Long.parseLong(parts[i]);
		}
		return ids;
	}

}
