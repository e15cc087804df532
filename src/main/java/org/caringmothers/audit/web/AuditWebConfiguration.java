package org.caringmothers.audit.web;

import lombok.RequiredArgsConstructor;
import org.caringmothers.audit.AuditService;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every look at personal data is recorded centrally, by route. */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class AuditWebConfiguration implements WebMvcConfigurer {

	private final AuditService audit;

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ViewAuditInterceptor(this.audit));
	}

}
