package org.caringmothers.need;

import org.caringmothers.child.Child;

/**
 * A need as a page shows it: the need and its child (from the child module's service,
 * looked up for a whole page at once), whose name stands beside it.
 */
public record NeedLine(Need need, Child child) {

}
