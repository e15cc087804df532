package org.caringmothers.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.web.RequestRefused;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records a request answered 404 (a record that does not exist or lies outside the user's
 * scope) in a transaction of its own: the work of the request, if any, is rolled back.
 */
@Component
@RequiredArgsConstructor
class RefusalListener {

	private static final Pattern RECORD = Pattern.compile("([A-Za-z_]+) (\\d{1,18})");

	private final AuditService audit;

	@EventListener
	void onNotFound(RequestRefused refused) {
		String recordType = "REQUEST";
		Long recordId = null;
		Matcher matcher = RECORD.matcher(refused.what() == null ? "" : refused.what());
		if (matcher.matches()) {
			recordType = matcher.group(1).toUpperCase(Locale.ROOT);
			recordId = Long.parseLong(matcher.group(2));
		}
		this.audit.recordAlone(AuditAction.OUT_OF_SCOPE, recordType, recordId, refused.method() + " " + refused.path());
	}

}
