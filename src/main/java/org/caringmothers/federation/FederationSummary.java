package org.caringmothers.federation;

import java.util.Map;

/**
 * Counts of what lies under a federation: federations by level (the federation itself
 * excluded) and stations.
 */
public record FederationSummary(Map<FederationLevel, Long> federationsByLevel, long stations) {

	public long federations(FederationLevel level) {
		return this.federationsByLevel.getOrDefault(level, 0L);
	}

	public long totalFederations() {
		return this.federationsByLevel.values().stream().mapToLong(Long::longValue).sum();
	}

}
