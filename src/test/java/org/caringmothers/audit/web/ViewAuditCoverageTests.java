package org.caringmothers.audit.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page or download under a prefix that shows personal data (children, volunteers,
 * needs, pairings, contacts, photos, a mother's own pages) is either in
 * {@link ViewAuditInterceptor#ROUTES} or exempted below with the reason: a new route
 * showing personal data that nobody added to the view audit fails here.
 */
@SpringBootTest
class ViewAuditCoverageTests {

	static final Set<String> PERSONAL_PREFIXES = Set.of("/children", "/volunteers", "/needs", "/pairings", "/visits",
			"/photos", "/my");

	/** GET routes under those prefixes that the interceptor need not record, and why. */
	static final Map<String, String> EXEMPT = Map.ofEntries(
			// the service records the look itself (ChildService.view: VIEW CHILD with its
			// id)
			Map.entry("/children/{id}", "audited by ChildService.view"),
			// downloads audited by their services as EXPORT, with filter and row count
			Map.entry("/children/export", "audited by ChildExport"),
			Map.entry("/volunteers/export", "audited by VolunteerExport"),
			// empty forms: no person is shown
			Map.entry("/children/new", "empty registration form"),
			Map.entry("/volunteers/new", "empty registration form"),
			// spreadsheet import: the upload form, the blank template, the progress
			// counter
			// (numbers only) and the preview of the rows the user has just uploaded from
			// her own file; the import itself is audited (IMPORT) when confirmed
			Map.entry("/children/import", "upload form"), Map.entry("/children/import/template", "blank template"),
			Map.entry("/children/import/{token}", "preview of the user's own upload"),
			Map.entry("/children/import/{token}/progress", "row counts only"),
			Map.entry("/volunteers/import", "upload form"), Map.entry("/volunteers/import/template", "blank template"),
			Map.entry("/volunteers/import/{token}", "preview of the user's own upload"),
			Map.entry("/volunteers/import/{token}/progress", "row counts only"),
			// the stations of a federation for the registration form's select: no person
			Map.entry("/volunteers/stations", "station names"),
			// the offline application's shell: no data until /my/sync, which is audited
			Map.entry("/my/offline", "application shell without data"));

	@Autowired
	ApplicationContext context;

	@Test
	void everyGetRouteShowingPersonalDataIsAuditedOrExemptedWithAReason() {
		Set<String> routes = new TreeSet<>();
		this.context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
					info.getPatternValues().stream().filter(ViewAuditCoverageTests::personal).forEach(routes::add);
				}
			}));
		assertThat(routes).as("GET routes under personal-data prefixes").hasSizeGreaterThan(20);

		Set<String> unaudited = new TreeSet<>(routes);
		unaudited.removeAll(ViewAuditInterceptor.ROUTES.keySet());
		unaudited.removeAll(EXEMPT.keySet());
		assertThat(unaudited)
			.as("routes showing personal data that neither ViewAuditInterceptor records nor "
					+ "this test exempts with a reason")
			.isEmpty();

		Set<String> stale = new TreeSet<>(EXEMPT.keySet());
		stale.removeAll(routes);
		assertThat(stale).as("exemptions without a route").isEmpty();
		Set<String> both = new TreeSet<>(EXEMPT.keySet());
		both.retainAll(ViewAuditInterceptor.ROUTES.keySet());
		assertThat(both).as("exempted routes that are audited after all").isEmpty();
	}

	private static boolean personal(String pattern) {
		return PERSONAL_PREFIXES.stream()
			.anyMatch(prefix -> pattern.equals(prefix) || pattern.startsWith(prefix + "/"));
	}

}
