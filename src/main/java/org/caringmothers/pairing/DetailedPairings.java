package org.caringmothers.pairing;

import java.util.Map;

import org.caringmothers.child.Child;

/**
 * Pairings by id with their children and mothers ({@code PairingService#detailed}), and
 * the children looked up for them together with the other children the caller asked for,
 * by id.
 */
public record DetailedPairings(Map<Long, PairingView> pairings, Map<Long, Child> children) {

}
