package org.caringmothers.visit;

import java.time.LocalDate;
import java.util.List;

/**
 * Her latest entries on one child that she may still correct, as her home page shows
 * them: at most {@link #SHOWN} lines, with the number of all such entries (counted up to
 * {@link #COUNTED}) so that the page can link to the full list when there are more.
 */
public record RecentEntries(List<Line> lines, long total) {

	/** How many of her editable entries her home page shows per child. */
	public static final int SHOWN = 3;

	/** Up to how many of them her home page counts ("100+" beyond). */
	public static final int COUNTED = 100;

	/** Whether she has more editable entries on the child than the lines shown. */
	public boolean more() {
		return this.total > this.lines.size();
	}

	/** Their number as her page shows it: "100+" when there are that many or more. */
	public String totalLabel() {
		return (this.total >= COUNTED) ? COUNTED + "+" : String.valueOf(this.total);
	}

	/** One entry: what its line and its edit link need. */
	public record Line(long id, LocalDate visitDate, ContactMode mode) {
	}

}
