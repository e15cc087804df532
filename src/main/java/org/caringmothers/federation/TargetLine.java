package org.caringmothers.federation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/**
 * One line of the targets form: a federation's own targets for the year, both empty when
 * it has none of its own (it is then measured against the sum of those below it).
 */
@Getter
@Setter
@NoArgsConstructor
public class TargetLine {

	@NotNull
	private Long federationId;

	@Min(0)
	@Max(1_000_000)
	private Integer pairings;

	@Min(0)
	@Max(1_000_000)
	private Integer mothers;

	/** The version of the stored target the form was filled from; empty when none. */
	private Long version;

	public TargetLine(Long federationId, Integer pairings, Integer mothers, Long version) {
		this.federationId = federationId;
		this.pairings = pairings;
		this.mothers = mothers;
		this.version = version;
	}

}
