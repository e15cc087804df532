package org.caringmothers.common.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page needs: the signed-in user for the header and navigation, the current
 * address for the language switch, and the friendly 404 (announced to the access log) and
 * 409 pages.
 */
@ControllerAdvice
@RequiredArgsConstructor
class GlobalModelAdvice {

	private static final Pattern LIST_INDEX = Pattern.compile("\\[(\\d{1,9})\\]");

	private final ApplicationEventPublisher events;

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// a user whose second factor is pending is not signed in yet: no menu of her role
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.pendingStep() == null) ? user : null;
	}

	/**
	 * Whether the page is open in WeChat's own browser, which can neither add a web app
	 * to the home screen nor run it offline: her pages then tell her to open them in the
	 * phone's browser.
	 */
	@ModelAttribute("inWeChat")
	boolean inWeChat(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return agent != null && agent.contains("MicroMessenger");
	}

	@ModelAttribute("langZhUrl")
	String langZhUrl(HttpServletRequest request) {
		return languageUrl(request, "zh-CN");
	}

	@ModelAttribute("langEnUrl")
	String langEnUrl(HttpServletRequest request) {
		return languageUrl(request, "en");
	}

	/**
	 * The current query string without {@code page} and {@code lang}, ready for
	 * "...&page=N".
	 */
	@ModelAttribute("pageQuery")
	String pageQuery(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return "";
		}
		StringBuilder kept = new StringBuilder();
		for (String part : query.split("&")) {
			if (!part.isEmpty() && !part.startsWith("page=") && !part.startsWith("lang=")) {
				kept.append(part).append('&');
			}
		}
		return kept.toString();
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request) {
		this.events.publishEvent(new RequestRefused(request.getMethod(), request.getRequestURI(), ex.getMessage()));
		ModelAndView view = new ModelAndView("error/404");
		view.addObject("currentUser", currentUser());
		return view;
	}

	/**
	 * A form field the binder cannot reach, such as a list index beyond its limit of 256
	 * ({@code guardians[256].name}): the application's own 400 page saying so, nothing
	 * saved.
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView invalidProperty(InvalidPropertyException ex) {
		ModelAndView view = new ModelAndView("error/4xx");
		view.addObject("currentUser", currentUser());
		Matcher index = LIST_INDEX.matcher(String.valueOf(ex.getPropertyName()));
		String entry = null;
		while (index.find()) {
			entry = index.group(1);
		}
		if (entry != null) {
			view.addObject("detailKey", "form.listIndex");
			view.addObject("detailArgument", entry);
		}
		return view;
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView conflict() {
		ModelAndView view = new ModelAndView("error/409");
		view.addObject("currentUser", currentUser());
		return view;
	}

	private static String languageUrl(HttpServletRequest request, String lang) {
		UriComponentsBuilder builder;
		if ("GET".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST) {
			builder = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
		}
		else {
			builder = UriComponentsBuilder.fromPath(request.getContextPath() + "/");
		}
		return builder.replaceQueryParam("lang", lang).build().toUriString();
	}

}
