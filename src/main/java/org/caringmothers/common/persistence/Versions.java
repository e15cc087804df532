package org.caringmothers.common.persistence;

import java.util.Objects;

import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * The one version check of every edit form: the form carries the version it was shown
 * with, and a save over a record changed since then fails instead of overwriting it.
 */
public final class Versions {

	private Versions() {
	}

	/**
	 * @param shown the version the form was shown with ({@code null} when missing, or
	 * when the form was shown without a record)
	 * @param current the record's version now ({@code null} when there is no record)
	 * @throws ObjectOptimisticLockingFailureException when they differ
	 */
	public static void check(Long shown, Long current, Class<?> type, Object id) {
		if (!Objects.equals(shown, current)) {
			throw new ObjectOptimisticLockingFailureException(type, id);
		}
	}

}
