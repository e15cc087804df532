package org.caringmothers.common.excel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.caringmothers.common.security.CurrentUser;

/**
 * One import in progress: its rows as checked, how far the background work has got, and
 * how it ended. The instance that does the work writes it through {@link ImportJobs} to
 * the database as it goes; every instance reads it from there, so the progress page, the
 * confirmation and the result can be served by any of them.
 *
 * @param <F> the form each good row was read into
 */
public final class ImportJob<F> {

	/** Where the import stands. */
	public enum State {

		CHECKING, CHECKED, IMPORTING, IMPORTED, FAILED

	}

	/** A row that passed every check, as the form it was read into. */
	public record GoodRow<F>(int number, F form) {
	}

	/** A row with the reasons it cannot be imported. */
	public record BadRow(int number, List<String> problems) {
	}

	private final String token;

	private final Class<F> formType;

	private final CurrentUser user;

	private final int total;

	private final Locale locale;

	private final String remoteAddress;

	private final List<GoodRow<F>> goodRows = Collections.synchronizedList(new ArrayList<>());

	private final List<Integer> goodNumbers = Collections.synchronizedList(new ArrayList<>());

	private final List<BadRow> badRows = Collections.synchronizedList(new ArrayList<>());

	private final ImportJobs store;

	private volatile State state = State.CHECKING;

	private volatile int done;

	private volatile int imported;

	private volatile String failureKey;

	private volatile Object[] failureArguments;

	private volatile long savedAt;

	ImportJob(ImportJobs store, String token, Class<F> formType, CurrentUser user, int total, Locale locale,
			String remoteAddress) {
		this.store = store;
		this.token = token;
		this.formType = formType;
		this.user = user;
		this.total = total;
		this.locale = locale;
		this.remoteAddress = remoteAddress;
	}

	/** A job as read back from the database. */
	void restore(State state, int done, int imported, List<Integer> goodNumbers, List<BadRow> badRows,
			String failureKey, Object[] failureArguments) {
		this.state = state;
		this.done = done;
		this.imported = imported;
		this.goodNumbers.addAll(goodNumbers);
		this.badRows.addAll(badRows);
		this.failureKey = failureKey;
		this.failureArguments = failureArguments;
	}

	public String getToken() {
		return this.token;
	}

	public State getState() {
		return this.state;
	}

	public boolean isRunning() {
		return this.state == State.CHECKING || this.state == State.IMPORTING;
	}

	public int getTotal() {
		return this.total;
	}

	/** Work done in the current phase, as a whole percentage. */
	public int getPercent() {
		int phaseTotal = this.state == State.IMPORTING ? getGoodCount() : this.total;
		return phaseTotal == 0 ? 100 : Math.min(100, this.done * 100 / phaseTotal);
	}

	public int getDone() {
		return this.done;
	}

	/** The good rows with their forms (filled by {@link SpreadsheetImport} on import). */
	public List<GoodRow<F>> goodRows() {
		return List.copyOf(this.goodRows);
	}

	List<Integer> goodNumbers() {
		return List.copyOf(this.goodNumbers);
	}

	public int getGoodCount() {
		return this.goodNumbers.size();
	}

	public List<BadRow> getBadRows() {
		synchronized (this.badRows) {
			return this.badRows.stream().sorted(Comparator.comparingInt(BadRow::number)).toList();
		}
	}

	public int getImported() {
		return this.imported;
	}

	public String getFailureKey() {
		return this.failureKey;
	}

	public Object[] getFailureArguments() {
		return this.failureArguments;
	}

	Class<F> formType() {
		return this.formType;
	}

	public CurrentUser user() {
		return this.user;
	}

	public Locale locale() {
		return this.locale;
	}

	public String remoteAddress() {
		return this.remoteAddress;
	}

	public void addGood(int number, F form) {
		this.goodRows.add(new GoodRow<>(number, form));
		this.goodNumbers.add(number);
	}

	/** The form of a good row, read again for the import. */
	void restoreForm(int number, F form) {
		this.goodRows.add(new GoodRow<>(number, form));
	}

	public void addBad(int number, List<String> problems) {
		this.badRows.add(new BadRow(number, List.copyOf(problems)));
	}

	/** One more row done; the progress reaches the database a few times a second. */
	public void step() {
		this.done++;
		long now = System.nanoTime();
		if (now - this.savedAt > 250_000_000L) {
			this.savedAt = now;
			this.store.saveProgress(this);
		}
	}

	public void checked() {
		this.state = State.CHECKED;
		this.store.saveChecked(this);
	}

	/**
	 * Moves from CHECKED to IMPORTING once, across all instances; a second confirmation
	 * does nothing.
	 */
	public boolean startImport() {
		if (this.state != State.CHECKED || this.goodNumbers.isEmpty() || !this.store.claimImport(this)) {
			return false;
		}
		this.done = 0;
		this.state = State.IMPORTING;
		return true;
	}

	public void imported(int count) {
		this.imported = count;
		this.state = State.IMPORTED;
		this.store.saveEnded(this);
	}

	public void failed(String key, Object[] arguments) {
		this.failureKey = key;
		this.failureArguments = arguments;
		this.state = State.FAILED;
		this.store.saveEnded(this);
	}

}
