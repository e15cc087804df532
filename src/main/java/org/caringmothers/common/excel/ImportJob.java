package org.caringmothers.common.excel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.caringmothers.common.security.CurrentUser;

/**
 * One import in progress: its rows as checked, how far the background work has got, and
 * how it ended. Read by the progress page while a background thread writes it.
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

	private final Instant created = Instant.now();

	private final List<GoodRow<F>> goodRows = Collections.synchronizedList(new ArrayList<>());

	private final List<BadRow> badRows = Collections.synchronizedList(new ArrayList<>());

	private volatile State state = State.CHECKING;

	private volatile int done;

	private volatile int imported;

	private volatile String failureKey;

	private volatile Object[] failureArguments;

	ImportJob(String token, Class<F> formType, CurrentUser user, int total, Locale locale, String remoteAddress) {
		this.token = token;
		this.formType = formType;
		this.user = user;
		this.total = total;
		this.locale = locale;
		this.remoteAddress = remoteAddress;
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
		int phaseTotal = this.state == State.IMPORTING ? this.goodRows.size() : this.total;
		return phaseTotal == 0 ? 100 : Math.min(100, this.done * 100 / phaseTotal);
	}

	public int getDone() {
		return this.done;
	}

	public List<GoodRow<F>> goodRows() {
		return List.copyOf(this.goodRows);
	}

	public int getGoodCount() {
		return this.goodRows.size();
	}

	public List<BadRow> getBadRows() {
		synchronized (this.badRows) {
			return this.badRows.stream().sorted(java.util.Comparator.comparingInt(BadRow::number)).toList();
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

	Instant created() {
		return this.created;
	}

	public void addGood(int number, F form) {
		this.goodRows.add(new GoodRow<>(number, form));
	}

	public void addBad(int number, List<String> problems) {
		this.badRows.add(new BadRow(number, List.copyOf(problems)));
	}

	public void step() {
		this.done++;
	}

	public void checked() {
		this.state = State.CHECKED;
	}

	/** Moves from CHECKED to IMPORTING once; a second confirmation does nothing. */
	public synchronized boolean startImport() {
		if (this.state != State.CHECKED || this.goodRows.isEmpty()) {
			return false;
		}
		this.done = 0;
		this.state = State.IMPORTING;
		return true;
	}

	public void imported(int count) {
		this.imported = count;
		this.state = State.IMPORTED;
	}

	public void failed(String key, Object[] arguments) {
		this.failureKey = key;
		this.failureArguments = arguments;
		this.state = State.FAILED;
	}

}
