package org.caringmothers.visit;

import java.util.List;
import java.util.Map;

import org.caringmothers.volunteer.Volunteer;

import org.springframework.data.domain.Page;

/**
 * One page of the full list of care gaps, with what its filters offer: the townships and
 * the mothers that have gaps in the user's scope.
 *
 * @param page the gaps the filter selects, most overdue first
 * @param townships township names by id, in name order
 * @param mothers the mothers with gaps, by name
 */
public record CareGapList(Page<ChildCard> page, Map<Long, String> townships, List<Volunteer> mothers) {

}
