package org.caringmothers.common.excel;

/** An uploaded file that cannot be imported, with the message key that says why. */
public class SpreadsheetException extends RuntimeException {

	private final String messageKey;

	public SpreadsheetException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
