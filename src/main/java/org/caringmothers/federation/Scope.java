package org.caringmothers.federation;

import jakarta.persistence.criteria.Path;

import org.caringmothers.common.security.CurrentUser;

import org.springframework.data.jpa.domain.Specification;

/**
 * What a signed-in user may see: the subtree under one federation. Every list, count and
 * lookup in every module is bounded by a scope, through {@link #covers} for one record
 * and {@link #where} (or {@link #pathPattern()} in a query) for many.
 *
 * @param federationId the federation at the top of the subtree
 * @param path its materialised path, e.g. {@code /1/12/}
 */
public record Scope(long federationId, String path) {

	public static Scope of(CurrentUser user) {
		return new Scope(user.federationId(), user.federationPath());
	}

	public static Scope of(Federation federation) {
		return new Scope(federation.getId(), federation.getPath());
	}

	/** Whether the federation lies in this scope (is the top or under it). */
	public boolean covers(Federation federation) {
		return federation != null && covers(federation.getPath());
	}

	public boolean covers(String federationPath) {
		return federationPath != null && federationPath.startsWith(this.path);
	}

	/** A LIKE pattern matching the paths of every federation in this scope. */
	public String pathPattern() {
		return this.path + "%";
	}

	/**
	 * A specification restricting an entity to records whose federation (reached by the
	 * given attribute, e.g. {@code "federation"}) lies in this scope.
	 */
	public <T> Specification<T> where(String federationAttribute) {
		return restrict(federationAttribute);
	}

	/**
	 * Loads the federation with each record of a list query (left alone in count
	 * queries), so that a list page shows federation names without one query per row.
	 */
	public static <T> Specification<T> fetching(String federationAttribute) {
		return (root, query, builder) -> {
			if (query.getResultType() != Long.class && query.getResultType() != long.class) {
				root.fetch(federationAttribute);
			}
			return builder.conjunction();
		};
	}

	private <T> Specification<T> restrict(String federationAttribute) {
		return (root, query, builder) -> {
			Path<String> federationPath = root.get(federationAttribute).get("path");
			return builder.like(federationPath, pathPattern());
		};
	}

}
