package org.caringmothers.visit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The web app manifest with which a caring mother adds her pages to the home screen,
 * named in her language. It holds nothing personal and is open to everyone.
 */
@Controller
@RequiredArgsConstructor
class WebAppManifestController {

	static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

	private final MessageSource messages;

	@GetMapping("/manifest.webmanifest")
	@ResponseBody
	ResponseEntity<Map<String, Object>> manifest() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("name", this.messages.getMessage("offline.manifest.name", null, locale));
		manifest.put("short_name", this.messages.getMessage("offline.manifest.shortName", null, locale));
		manifest.put("description", this.messages.getMessage("offline.manifest.description", null, locale));
		manifest.put("lang", locale.toLanguageTag());
		manifest.put("id", "/");
		manifest.put("start_url", "/");
		manifest.put("scope", "/");
		manifest.put("display", "standalone");
		manifest.put("orientation", "portrait");
		manifest.put("background_color", "#ffffff");
		manifest.put("theme_color", "#a4134a");
		manifest.put("icons", List.of(icon("/icons/icon.svg", "any", "image/svg+xml"),
				icon("/icons/icon-192.png", "192x192", "image/png"),
				icon("/icons/icon-512.png", "512x512", "image/png"), Map.of("src", "/icons/icon-maskable-512.png",
						"sizes", "512x512", "type", "image/png", "purpose", "maskable")));
		return ResponseEntity.ok().contentType(MANIFEST).body(manifest);
	}

	private static Map<String, String> icon(String src, String sizes, String type) {
		return Map.of("src", src, "sizes", sizes, "type", type);
	}

}
