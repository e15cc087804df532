package org.caringmothers.audit.web;

import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditAction;
import org.caringmothers.audit.AuditService;

import org.springframework.data.domain.Page;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Records every successful look at a page or download that shows a named child, mother,
 * need, contact, account or photo, keyed by the handler's route pattern: a record's page
 * is one {@code VIEW} entry with its id, a list is one entry with its filter and count.
 * Pages whose service already records the look (a child's page, the exports) are not in
 * the table. A route added later with personal data needs a line here.
 */
@RequiredArgsConstructor
class ViewAuditInterceptor implements HandlerInterceptor {

	/** What one route shows. */
	record Seen(String recordType, String idVariable) {

		boolean list() {
			return this.idVariable == null;
		}

	}

	static final Map<String, Seen> ROUTES = Map.ofEntries(Map.entry("/", new Seen("HOME", null)),
			Map.entry("/children", new Seen("CHILD", null)), Map.entry("/children/{id}/edit", new Seen("CHILD", "id")),
			Map.entry("/pairings/child/{childId}", new Seen("CHILD", "childId")),
			Map.entry("/pairings/mother/{volunteerId}", new Seen("VOLUNTEER", "volunteerId")),
			Map.entry("/pairings/unpaired", new Seen("CHILD", null)),
			Map.entry("/volunteers", new Seen("VOLUNTEER", null)),
			Map.entry("/volunteers/{id}", new Seen("VOLUNTEER", "id")),
			Map.entry("/volunteers/{id}/edit", new Seen("VOLUNTEER", "id")),
			Map.entry("/volunteers/{id}/account", new Seen("VOLUNTEER", "id")),
			Map.entry("/volunteers/{id}/account/slip", new Seen("VOLUNTEER", "id")),
			Map.entry("/visits/review", new Seen("VISIT", null)), Map.entry("/needs", new Seen("NEED", null)),
			Map.entry("/needs/{id}", new Seen("NEED", "id")), Map.entry("/needs/new", new Seen("CHILD", "child")),
			Map.entry("/photos/{id}", new Seen("PHOTO", "id")), Map.entry("/events/{id}", new Seen("EVENT", "id")),
			Map.entry("/my/pairings/{pairingId}/visits/new", new Seen("PAIRING", "pairingId")),
			Map.entry("/my/visits/{id}/edit", new Seen("VISIT", "id")), Map.entry("/my/sync", new Seen("CHILD", null)),
			Map.entry("/accounts", new Seen("ACCOUNT", null)),
			Map.entry("/pairings/mother/{id}/handover", new Seen("VOLUNTEER", "id")),
			Map.entry("/accounts/{id}/edit", new Seen("ACCOUNT", "id")),
			Map.entry("/dashboard/{federationId}/ledger", new Seen("LEDGER", "federationId")),
			Map.entry("/audit", new Seen("AUDIT", null)), Map.entry("/care-gaps", new Seen("PAIRING", null)),
			Map.entry("/reminders", new Seen("PAIRING", null)), Map.entry("/my/visits", new Seen("VISIT", null)));

	private final AuditService audit;

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (!"GET".equals(request.getMethod()) || response.getStatus() >= 300) {
			return;
		}
		if (modelAndView != null && modelAndView.getViewName() != null
				&& modelAndView.getViewName().startsWith("redirect:")) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		Seen seen = (pattern instanceof String route) ? ROUTES.get(route) : null;
		if (seen == null) {
			return;
		}
		if (seen.list()) {
			String query = request.getQueryString();
			Long count = count(modelAndView);
			if (seen.recordType().equals("HOME") && count == null) {
				// an official's home page: figures only
				return;
			}
			this.audit.record(AuditAction.VIEW, seen.recordType(), null, "list " + pattern
					+ ((query == null) ? "" : "?" + query) + ((count == null) ? "" : " count=" + count));
			return;
		}
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Long id = null;
		Object value = (variables instanceof Map<?, ?> map) ? map.get(seen.idVariable()) : null;
		if (value == null) {
			// a record named by a request parameter (/needs/new?child=…); without it the
			// page lists the records to choose from
			value = request.getParameter(seen.idVariable());
			if (value == null) {
				String query = request.getQueryString();
				Long count = count(modelAndView);
				this.audit.record(AuditAction.VIEW, seen.recordType(), null, "list " + pattern
						+ ((query == null) ? "" : "?" + query) + ((count == null) ? "" : " count=" + count));
				return;
			}
		}
		if (value instanceof String text && text.matches("\\d{1,18}")) {
			id = Long.parseLong(text);
		}
		this.audit.record(AuditAction.VIEW, seen.recordType(), id, String.valueOf(pattern));
	}

	/**
	 * The number of rows a list page shows in all: its page's total, or its list's size.
	 */
	private static Long count(ModelAndView modelAndView) {
		if (modelAndView == null) {
			return null;
		}
		for (Object value : modelAndView.getModel().values()) {
			if (value instanceof Page<?> page) {
				return page.getTotalElements();
			}
		}
		for (String name : new String[] { "cards", "careGaps", "children", "entries", "pairings" }) {
			if (modelAndView.getModel().get(name) instanceof Collection<?> collection) {
				return (long) collection.size();
			}
		}
		return null;
	}

}
