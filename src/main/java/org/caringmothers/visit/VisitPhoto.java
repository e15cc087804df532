package org.caringmothers.visit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.persistence.BaseEntity;

/** A photo of a contact, stored as a metadata-free JPEG outside the web root. */
@Entity
@Table(name = "visit_photo")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class VisitPhoto extends BaseEntity {

	@Column(updatable = false)
	private Long visitId;

	@Column(updatable = false)
	private String storedName;

	private int width;

	private int height;

	private int bytes;

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	VisitPhoto(Long visitId, String storedName, int width, int height, int bytes) {
		this.visitId = visitId;
		this.storedName = storedName;
		this.width = width;
		this.height = height;
		this.bytes = bytes;
	}

}
