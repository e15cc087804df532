package org.caringmothers.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.caringmothers.federation.Scope;

/**
 * One statement that adds up, per federation directly below a federation, figures taken
 * from several read models the modules publish (views keyed by the federation holding the
 * records). Each source names the figures it gives; the others count zero in its rows, so
 * that the sources are stacked with {@code union all} and summed once.
 * <p>
 * Each source is limited to the federations of the scope inside its own branch (an array
 * of their ids, computed once), so that PostgreSQL reads only the scope's rows of each
 * read model (through its federation index) instead of aggregating the whole province and
 * joining afterwards: a county's figures cost what the county holds.
 */
final class SummaryQuery {

	private final List<String> figures;

	private final List<String> sources = new ArrayList<>();

	private final List<Object> arguments = new ArrayList<>();

	private final Scope scope;

	/** {@code scope} null for the whole tree. */
	SummaryQuery(List<String> figures, Scope scope) {
		this.figures = List.copyOf(figures);
		this.scope = scope;
	}

	/**
	 * Adds a source: {@code from} is the text after
	 * {@code select federation_id, ... from} (a view, its filters), {@code values} what
	 * it gives for some of the figures.
	 */
	SummaryQuery add(String from, Map<String, String> values, Object... arguments) {
		for (String figure : values.keySet()) {
			if (!this.figures.contains(figure)) {
				throw new IllegalArgumentException(figure);
			}
		}
		StringBuilder select = new StringBuilder("select federation_id");
		for (String figure : this.figures) {
			select.append(", ").append(values.getOrDefault(figure, "0")).append("::numeric");
		}
		if (this.scope == null) {
			this.sources.add(select + " from " + from);
			this.arguments.addAll(List.of(arguments));
			return this;
		}
		int where = topLevelWhere(from);
		String source = (where < 0) ? from + " where "
				: from.substring(0, where) + " where (" + from.substring(where + " where ".length()) + ") and ";
		this.sources.add(select + " from " + source + "federation_id = any(array(select f.id from federation f where "
				+ Scope.sql("f") + "))");
		this.arguments.addAll(List.of(arguments));
		this.arguments.add(this.scope.sqlArgument());
		return this;
	}

	/**
	 * Adds a source of figures kept per day and per month (the views
	 * {@code <daily>(federation_id, day, …)} and
	 * {@code <monthly>(federation_id, month, …)}): whole months of the period from the
	 * monthly rows, the days of its partial months from the daily rows.
	 */
	SummaryQuery addPeriod(String daily, String monthly, Map<String, String> values, LocalDate from, LocalDate to) {
		YearMonth firstWhole = YearMonth.from(from.getDayOfMonth() == 1 ? from : from.plusMonths(1));
		YearMonth lastWhole = YearMonth.from(to.equals(YearMonth.from(to).atEndOfMonth()) ? to : to.minusMonths(1));
		if (firstWhole.isAfter(lastWhole)) {
			return add(daily + " where day between ? and ?", values, Date.valueOf(from), Date.valueOf(to));
		}
		add(monthly + " where month between ? and ?", values, Date.valueOf(firstWhole.atDay(1)),
				Date.valueOf(lastWhole.atDay(1)));
		LocalDate headTo = firstWhole.atDay(1).minusDays(1);
		LocalDate tailFrom = lastWhole.atEndOfMonth().plusDays(1);
		if (!headTo.isBefore(from) || !to.isBefore(tailFrom)) {
			add(daily + " where day between ? and ? or day between ? and ?", values, Date.valueOf(from),
					Date.valueOf(headTo), Date.valueOf(tailFrom), Date.valueOf(to));
		}
		return this;
	}

	/**
	 * Where the filter of a source starts: its last {@code " where "} outside parentheses
	 * (a source may be a subquery with filters of its own), or -1.
	 */
	private static int topLevelWhere(String from) {
		int depth = 0;
		int found = -1;
		for (int i = 0; i < from.length(); i++) {
			char c = from.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (depth == 0 && from.startsWith(" where ", i)) {
				found = i;
			}
		}
		return found;
	}

	/**
	 * The sources stacked, one row per source row: {@code federation_id} and the figures.
	 */
	String rows() {
		return "(" + String.join("\nunion all ", this.sources) + ")";
	}

	/**
	 * The sums of the figures, as {@code sum(<figure>)} columns in the declared order.
	 */
	String sums(String alias) {
		StringBuilder sums = new StringBuilder();
		for (String figure : this.figures) {
			sums.append(sums.isEmpty() ? "" : ", ").append("sum(").append(alias).append('.').append(figure).append(')');
		}
		return sums.toString();
	}

	/** The figures' column list for {@code as s(federation_id, …)}. */
	String columns() {
		return "federation_id, " + String.join(", ", this.figures);
	}

	List<Object> arguments() {
		return this.arguments;
	}

	int size() {
		return this.figures.size();
	}

	static Map<String, String> values(String... pairs) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], pairs[i + 1]);
		}
		return values;
	}

}
