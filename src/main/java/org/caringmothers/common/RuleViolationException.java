package org.caringmothers.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A business rule broken by a form's input. The controller shows the form again with the
 * message key on the named field; nothing has been saved.
 */
public class RuleViolationException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	private List<RuleViolationException> others = List.of();

	public RuleViolationException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/**
	 * Refuses the form when the rule is broken: the one way a service states a rule.
	 * @param broken whether the input breaks the rule
	 */
	public static void refuseIf(boolean broken, String field, String messageKey, Object... arguments) {
		if (broken) {
			throw new RuleViolationException(field, messageKey, arguments);
		}
	}

	/**
	 * Runs each rule and refuses the form once, with every rule it broke, so that the
	 * user sees all of them in one round.
	 */
	public static void refuseAll(Runnable... rules) {
		List<RuleViolationException> broken = new ArrayList<>();
		for (Runnable rule : rules) {
			try {
				rule.run();
			}
			catch (RuleViolationException ex) {
				broken.addAll(ex.violations());
			}
		}
		if (broken.size() == 1) {
			throw broken.get(0);
		}
		if (!broken.isEmpty()) {
			throw new RuleViolationException(broken);
		}
	}

	private RuleViolationException(List<RuleViolationException> all) {
		this(all.get(0).field, all.get(0).messageKey, all.get(0).arguments);
		this.others = List.copyOf(all.subList(1, all.size()));
	}

	/** Every rule broken: this one and any found with it. */
	public List<RuleViolationException> violations() {
		List<RuleViolationException> all = new ArrayList<>();
		all.add(new RuleViolationException(this.field, this.messageKey, this.arguments));
		all.addAll(this.others);
		return all;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
