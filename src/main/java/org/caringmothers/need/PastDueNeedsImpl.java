package org.caringmothers.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.caringmothers.federation.Scope;

import org.springframework.data.domain.Pageable;

class PastDueNeedsImpl implements PastDueNeeds {

	private final EntityManager entityManager;

	PastDueNeedsImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public List<Object[]> pastDue(Scope scope, Map<Urgency, Instant> raisedBefore, Pageable pageable) {
		TypedQuery<Object[]> query = this.entityManager.createQuery(
				"""
						select n, count(n) over () from Need n join n.child c join c.federation f
						where %s and n.status in :statuses
						  and ((n.urgency = :high and n.raisedAt < :highBefore) or (n.urgency = :medium and n.raisedAt < :mediumBefore)
						    or (n.urgency = :low and n.raisedAt < :lowBefore))
						order by n.raisedAt, n.id"""
					.formatted(Scope.jpql("f")),
				Object[].class);
		// the child and her federation with each need, and nothing else (her categories,
		// which
		// no digest line shows, stay unloaded: a fetch graph makes the other attributes
		// lazy)
		jakarta.persistence.EntityGraph<Need> graph = this.entityManager.createEntityGraph(Need.class);
		graph.addSubgraph("child").addAttributeNodes("federation");
		query.setHint("jakarta.persistence.fetchgraph", graph);
		scope.bind(query)
			.setParameter("statuses", List.of(NeedStatus.OPEN, NeedStatus.IN_PROGRESS))
			.setParameter("high", Urgency.HIGH)
			.setParameter("highBefore", raisedBefore.get(Urgency.HIGH))
			.setParameter("medium", Urgency.MEDIUM)
			.setParameter("mediumBefore", raisedBefore.get(Urgency.MEDIUM))
			.setParameter("low", Urgency.LOW)
			.setParameter("lowBefore", raisedBefore.get(Urgency.LOW))
			.setFirstResult((int) pageable.getOffset())
			.setMaxResults(pageable.getPageSize());
		return query.getResultList();
	}

}
