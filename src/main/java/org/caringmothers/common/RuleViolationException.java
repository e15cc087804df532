package org.caringmothers.common;

/**
 * A business rule broken by a form's input. The controller shows the form again with the
 * message key on the named field; nothing has been saved.
 */
public class RuleViolationException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

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
