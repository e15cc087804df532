package org.caringmothers.common.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * Saves the rows of an import inside the caller's transaction, flushing and clearing the
 * persistence context every {@value #BATCH} rows so that thousands of rows stay fast.
 */
public final class BatchImport {

	static final int BATCH = 250;

	private BatchImport() {
	}

	/**
	 * @param save saves one row and returns its id; the cache (e.g. federations by code)
	 * is emptied with the persistence context
	 * @param onRow called after each row with the row's index
	 * @return the ids, in order
	 */
	public static <F, K, V> List<Long> save(EntityManager entityManager, List<F> rows,
			BiFunction<F, Map<K, V>, Long> save, IntConsumer onRow) {
		entityManager.setFlushMode(FlushModeType.COMMIT);
		Map<K, V> cache = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ids.add(save.apply(rows.get(i), cache));
			if (i % BATCH == BATCH - 1) {
				entityManager.flush();
				entityManager.clear();
				cache.clear();
			}
			onRow.accept(i);
		}
		entityManager.flush();
		return ids;
	}

}
