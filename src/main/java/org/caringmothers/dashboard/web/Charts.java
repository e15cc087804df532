package org.caringmothers.dashboard.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.caringmothers.dashboard.Figures;
import org.caringmothers.dashboard.MonthCount;
import org.caringmothers.dashboard.Progress;
import org.caringmothers.dashboard.YearProgress;
import org.caringmothers.federation.Federation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;

/**
 * The dashboard's charts as JSON for {@code data-chart} attributes: a kind, the category
 * labels and named series of numbers. The page shows the same figures in a table under
 * each chart, so it reads the same without JavaScript.
 */
@RequiredArgsConstructor
final class Charts {

	private final MessageSource messages;

	private final Locale locale;

	private final JsonMapper json;

	String months(List<MonthCount> months) {
		List<String> labels = months.stream().map(m -> m.month().toString()).toList();
		return chart("line", labels, false,
				series("dashboard.contactsInPeriod", months.stream().map(MonthCount::contacts).toList()),
				series("dashboard.homeVisitsInPeriod", months.stream().map(MonthCount::homeVisits).toList()));
	}

	String coverage(Map<Federation, Figures> rows) {
		List<String> labels = rows.keySet().stream().map(Federation::getName).toList();
		return chart("bar", labels, true,
				series("dashboard.coverageShort", rows.values().stream().map(Figures::coverage).toList()));
	}

	String categories(Figures figures) {
		List<String> labels = figures.childrenByCategory()
			.keySet()
			.stream()
			.map(category -> label("child.category." + category))
			.toList();
		return chart("pie", labels, false,
				series("dashboard.childrenActive", List.copyOf(figures.childrenByCategory().values())));
	}

	String targets(List<YearProgress> years) {
		List<String> labels = years.stream().map(y -> String.valueOf(y.year())).toList();
		List<Object> target = new ArrayList<>();
		years.forEach(y -> target.add(y.targetPairings()));
		return chart("bar", labels, false, series("dashboard.target.pairingTarget", target),
				series("dashboard.target.pairings", years.stream().map(YearProgress::pairings).toList()));
	}

	private Map<String, Object> series(String key, List<?> values) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", label(key));
		series.put("values", values.stream().map(v -> v instanceof BigDecimal d ? d.doubleValue() : v).toList());
		return series;
	}

	@SafeVarargs
	private String chart(String kind, List<String> labels, boolean percent, Map<String, Object>... series) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", kind);
		chart.put("labels", labels);
		chart.put("percent", percent);
		chart.put("series", List.of(series));
		return this.json.writeValueAsString(chart);
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, this.locale);
	}

}
