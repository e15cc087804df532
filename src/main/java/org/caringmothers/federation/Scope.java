package org.caringmothers.federation;

import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.data.jpa.domain.Specification;

/**
 * What a signed-in user may see: the subtree under one federation. Every list, count and
 * lookup in every module is bounded by a scope, through {@link #covers} for one record
 * and {@link #where} for many: repositories take a scope, never a path string, and the
 * condition on the federation tree is written here only ({@link #sql} for the few queries
 * in plain SQL).
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

	/**
	 * The record found, if its federation lies in this scope; otherwise 404, exactly as
	 * if it did not exist. Every lookup of one record by id goes through here.
	 */
	public <T> T require(Optional<T> found, Function<? super T, Federation> federation, String description) {
		return found.filter(record -> covers(federation.apply(record)))
			.orElseThrow(() -> new NotFoundException(description));
	}

	/** A LIKE pattern matching the paths of every federation in this scope. */
	String pathPattern() {
		return this.path + "%";
	}

	/**
	 * A specification restricting an entity to records whose federation, reached through
	 * the given attributes (e.g. {@code "federation"} or {@code "child", "federation"}),
	 * lies in this scope.
	 */
	public <T> Specification<T> where(String... federationAttributes) {
		return (root, query, builder) -> covers(builder, federation(root, federationAttributes));
	}

	/**
	 * The condition that the federation at the end of the path lies in this scope, for
	 * criteria queries and subqueries built elsewhere.
	 */
	public Predicate covers(CriteriaBuilder builder, Path<?> federation) {
		Path<String> federationPath = federation.get("path");
		return builder.like(federationPath, pathPattern());
	}

	/**
	 * The SQL condition that the federation row of the given alias lies in a scope, with
	 * one placeholder bound to that scope's {@link #sqlArgument()}.
	 */
	public static String sql(String federationAlias) {
		return federationAlias + ".path like ?";
	}

	/**
	 * The JPQL condition that the federation entity of the given alias lies in a scope,
	 * with one named parameter bound by {@link #bind}.
	 */
	public static String jpql(String federationAlias) {
		return federationAlias + ".path like :scopePathPattern";
	}

	/** Binds the parameter of {@link #jpql} in the query to this scope. */
	public <Q extends jakarta.persistence.Query> Q bind(Q query) {
		query.setParameter("scopePathPattern", pathPattern());
		return query;
	}

	/** The value of the placeholder in {@link #sql}. */
	public Object sqlArgument() {
		return pathPattern();
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

	private static Path<?> federation(From<?, ?> root, String... attributes) {
		Path<?> path = root;
		for (String attribute : attributes) {
			path = path.get(attribute);
		}
		return path;
	}

}
