package org.caringmothers.visit;

import java.util.Map;

import org.caringmothers.child.Child;

/**
 * The {@link CareDigest} and, by id, the children looked up for it together with the
 * other children the caller asked for ({@code VisitService#careDigest(CurrentUser, int,
 * java.util.Collection)}).
 */
public record CareDigestWithChildren(CareDigest digest, Map<Long, Child> children) {

}
