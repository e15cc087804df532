package org.caringmothers.visit;

import java.util.Collection;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReminderRepository extends JpaRepository<Reminder, Long>, JpaSpecificationExecutor<Reminder> {

	/** Moves the reminders of these pairings (a child's) to her new federation. */
	@Modifying
	@Query(value = "update reminder set federation_id = :to where pairing_id in (:pairingIds) and federation_id <> :to",
			nativeQuery = true)
	int move(@Param("pairingIds") Collection<Long> pairingIds, @Param("to") long toFederationId);

}
