package org.caringmothers.common.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Simplified Chinese by default; {@code ?lang=en} switches to English and is remembered.
 * <p>
 * Static files and webjars are served under a name that carries a hash of their content
 * ({@code /css/app-3f2a….css}, {@code /webjars/bootstrap/5.3.8/css/bootstrap.min-….css}),
 * which templates get from {@code @{...}} links; such a name never changes meaning, so it
 * is cached for a year as public and immutable. Spring Security leaves a response's own
 * {@code Cache-Control} alone, so pages keep its {@code no-store}. These handlers replace
 * Spring Boot's ({@code spring.web.resources.add-mappings=false}), which cannot mark a
 * resource immutable.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final RequiredFields requiredFields;

	WebConfiguration(RequiredFields requiredFields) {
		this.requiredFields = requiredFields;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("cm-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(FOREVER)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addResolver(new LiteWebJarsResourceResolver());
		// the service worker keeps its one address and is checked for updates at every
		// visit
		registry.addResourceHandler("/sw.js")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache());
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(FOREVER)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(this.requiredFields);
	}

}
