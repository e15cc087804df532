package org.caringmothers.need;

import java.time.Instant;

import jakarta.persistence.Column;
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
import org.caringmothers.common.persistence.BaseEntity;

/** One step of a need's follow-up: who moved it where, when, with what note. */
@Entity
@Table(name = "need_step")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class NeedStep extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "need_id", updatable = false)
	private Need need;

	@Enumerated(EnumType.STRING)
	private NeedStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private NeedStatus toStatus;

	@Enumerated(EnumType.STRING)
	private Department referredTo;

	private String note;

	@Column(name = "by_user")
	private Long byUser;

	private String byName;

	@Column(insertable = false, updatable = false)
	private Instant at;

	NeedStep(Need need, NeedStatus fromStatus, NeedStatus toStatus, Department referredTo, String note, Long byUser,
			String byName) {
		this.need = need;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.referredTo = referredTo;
		this.note = note;
		this.byUser = byUser;
		this.byName = byName;
	}

}
