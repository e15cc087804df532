package org.caringmothers.common.persistence;

import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import lombok.RequiredArgsConstructor;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Counts of the records a specification selects, by the value of one enum attribute
 * (children by status, events by type): one query, every value present, zero where none.
 */
@Component
@RequiredArgsConstructor
public class GroupCounts {

	private final EntityManager entityManager;

	/**
	 * @param specification the records to count; {@code null} counts nothing
	 */
	public <T, K extends Enum<K>> Map<K, Long> countBy(Class<T> type, String attribute, Class<K> keys,
			Specification<T> specification) {
		Map<K, Long> counts = new EnumMap<>(keys);
		for (K key : keys.getEnumConstants()) {
			counts.put(key, 0L);
		}
		if (specification == null) {
			return counts;
		}
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Object[]> query = builder.createQuery(Object[].class);
		Root<T> root = query.from(type);
		query.multiselect(root.get(attribute), builder.count(root))
			.where(specification.toPredicate(root, query, builder))
			.groupBy(root.get(attribute));
		for (Object[] row : this.entityManager.createQuery(query).getResultList()) {
			counts.put(keys.cast(row[0]), (Long) row[1]);
		}
		return counts;
	}

}
