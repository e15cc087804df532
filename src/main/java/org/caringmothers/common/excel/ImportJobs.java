package org.caringmothers.common.excel;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.caringmothers.common.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The import jobs of the last hour, each visible to the user who started it only. They
 * live in memory: an import interrupted by a restart is simply started again.
 */
@Component
public class ImportJobs {

	private static final Duration KEEP = Duration.ofHours(1);

	private final Map<String, ImportJob<?>> jobs = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	public <F> ImportJob<F> create(Class<F> formType, CurrentUser user, int total, Locale locale,
			String remoteAddress) {
		Instant expired = Instant.now().minus(KEEP);
		this.jobs.values().removeIf(job -> job.created().isBefore(expired) && !job.isRunning());
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		ImportJob<F> job = new ImportJob<>(HexFormat.of().formatHex(bytes), formType, user, total, locale,
				remoteAddress);
		this.jobs.put(job.getToken(), job);
		return job;
	}

	/** The user's own job of this kind; empty for anyone else's or another kind's. */
	@SuppressWarnings("unchecked")
	public <F> Optional<ImportJob<F>> find(String token, CurrentUser user, Class<F> formType) {
		return Optional.ofNullable(this.jobs.get(token))
			.filter(job -> job.user().id() == user.id() && job.formType() == formType)
			.map(job -> (ImportJob<F>) job);
	}

	public void remove(ImportJob<?> job) {
		if (!job.isRunning()) {
			this.jobs.remove(job.getToken());
		}
	}

}
