package org.caringmothers.event;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An applicant registered at a recruitment drive. */
@Entity
@Table(name = "event_recruit")
class EventRecruit extends EventVolunteer {

}
