package org.caringmothers.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.Scope;
import org.hibernate.query.criteria.JpaSubQuery;

class NeedDigestQueryImpl implements NeedDigestQuery {

	private final EntityManager entityManager;

	NeedDigestQueryImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public List<Object[]> digest(Scope scope, Scope reportScope, Map<Urgency, Instant> raisedBefore, int lines) {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Object[]> query = builder.createQuery(Object[].class);
		Root<Need> need = query.from(Need.class);
		@SuppressWarnings("unchecked")
		Join<Need, Federation> federation = (Join<Need, Federation>) need.<Need, Federation>fetch("federation");
		// the first past-due needs of the scope, and how many there are
		JpaSubQuery<Long> first = (JpaSubQuery<Long>) query.subquery(Long.class);
		Root<Need> firstNeed = first.from(Need.class);
		first.select(firstNeed.get("id"))
			.where(scope.covers(builder, firstNeed.join("federation")), pastDue(builder, firstNeed, raisedBefore))
			.orderBy(builder.asc(firstNeed.get("raisedAt")), builder.asc(firstNeed.get("id")));
		first.fetch(lines);
		Subquery<Long> count = query.subquery(Long.class);
		Root<Need> counted = count.from(Need.class);
		count.select(builder.count(counted))
			.where(scope.covers(builder, counted.join("federation")), pastDue(builder, counted, raisedBefore));
		Predicate reportPending = builder.and(reportScope.covers(builder, federation),
				builder.isTrue(need.get("mandatoryReport")), builder.isNull(need.get("reportAction")));
		query.multiselect(need, count)
			.where(builder.or(reportPending, need.get("id").in(first)))
			.orderBy(builder.asc(need.get("raisedAt")), builder.asc(need.get("id")));
		return this.entityManager.createQuery(query).getResultList();
	}

	/** Open and raised before its urgency's time limit. */
	private static Predicate pastDue(CriteriaBuilder builder, Root<Need> need, Map<Urgency, Instant> raisedBefore) {
		Path<Instant> raisedAt = need.get("raisedAt");
		Predicate[] late = raisedBefore.entrySet()
			.stream()
			.map(limit -> builder.and(builder.equal(need.get("urgency"), limit.getKey()),
					builder.lessThan(raisedAt, limit.getValue())))
			.toArray(Predicate[]::new);
		return builder.and(need.get("status").in(NeedStatus.OPEN, NeedStatus.IN_PROGRESS), builder.or(late));
	}

}
