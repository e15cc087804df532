package org.caringmothers.common.web;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Keeps a database outage from looking like anything else. It sits in front of every
 * other filter (sessions, security), so that:
 * <ul>
 * <li>a request that fails because PostgreSQL cannot be reached gets a 503 page in the
 * user's language saying that nothing was saved, within the pool's connection timeout (a
 * few seconds), instead of an error page or, at sign-in, the wrong-password message;</li>
 * <li>a sign-in is tried only when the database answers;</li>
 * <li>{@code /health/live} and {@code /health/ready} tell a load balancer or orchestrator
 * whether the process runs and whether it can serve (database reachable), with the status
 * only.</li>
 * </ul>
 * Being first, it also sets {@code Permissions-Policy} on every response. Nothing needs
 * to be restarted when the database comes back: the pool opens new connections by itself.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	/**
	 * Browser features no page uses are switched off (photos come from a file input,
	 * which needs no camera permission).
	 */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "bluetooth=(), serial=(), hid=(), midi=(), display-capture=(), interest-cohort=()";

	private final DataSource dataSource;

	private final ITemplateEngine templates;

	private final LocaleResolver locales;

	public DatabaseOutageFilter(DataSource dataSource, ITemplateEngine templates, LocaleResolver locales) {
		this.dataSource = dataSource;
		this.templates = templates;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		if ("/health/live".equals(path)) {
			status(response, true);
			return;
		}
		if ("/health/ready".equals(path)) {
			status(response, databaseAnswers());
			return;
		}
		if ("POST".equals(request.getMethod()) && "/login".equals(path) && !databaseAnswers()) {
			unavailable(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted() || !(isOutage(ex) || (touchesDatabase(ex) && !databaseAnswers()))) {
				throw ex;
			}
			log.warn("Database unavailable while serving {} {}: {}", request.getMethod(), path, ex.toString());
			unavailable(request, response);
		}
	}

	/** Whether a failure comes from a database that cannot be reached. */
	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException
					|| cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * Whether a failure came from the database at all (a closed connection during a
	 * rollback, for instance, says nothing clearer); then a probe decides.
	 */
	static boolean touchesDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof DataAccessException
					|| cause instanceof TransactionException) {
				return true;
			}
		}
		return false;
	}

	private boolean databaseAnswers() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	private static void status(HttpServletResponse response, boolean up) throws IOException {
		response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "no-store");
		response.getWriter().write(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		Context context = new Context(locale);
		context.setVariable("lang", locale.toLanguageTag());
		context.setVariable("retry", request.getContextPath() + ("GET".equals(request.getMethod())
				? request.getRequestURI().substring(request.getContextPath().length()) : "/"));
		String page = this.templates.process("error/unavailable", context);
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter().write(page);
	}

}
