package org.caringmothers.federation;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.persistence.VersionedEntity;

/** 爱心妈妈工作站: a named station under a federation, awarded its plaque (授牌) on a date. */
@Entity
@Table(name = "station")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Station extends VersionedEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "federation_id", updatable = false)
	private Federation federation;

	private String name;

	private String address;

	private LocalDate plaqueDate;

	Station(Federation federation, String name, String address, LocalDate plaqueDate) {
		this.federation = federation;
		this.name = name;
		this.address = address;
		this.plaqueDate = plaqueDate;
	}

}
