package org.caringmothers.federation;

import java.util.List;

/**
 * A federation with every federation above it ({@code FederationService#lineage}, the top
 * first and the federation itself last) and the counts of what lies under it
 * ({@code FederationService#summary}).
 */
public record LineageAndSummary(List<Federation> lineage, FederationSummary summary) {

	public LineageAndSummary {
		lineage = List.copyOf(lineage);
	}

	/** The federation itself. */
	public Federation federation() {
		return this.lineage.get(this.lineage.size() - 1);
	}

	/** The federations above it, the top first. */
	public List<Federation> ancestors() {
		return this.lineage.subList(0, this.lineage.size() - 1);
	}

}
