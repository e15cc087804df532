package org.caringmothers.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.persistence.Versions;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.security.Role;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three-year action (三年行动, 2024–2026) targets. ADMIN and OFFICIAL set yearly targets
 * for the federations below their own; a federation without its own target for a year is
 * measured against the sum of the nearest targets set below it.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class TargetService {

	/** The first year of the three-year action. */
	public static final int FIRST_YEAR = 2024;

	/** The last year of the three-year action. */
	public static final int LAST_YEAR = 2026;

	private final TargetRepository targets;

	private final FederationService federations;

	private final Clock clock;

	public List<Integer> years() {
		return IntStream.rangeClosed(FIRST_YEAR, LAST_YEAR).boxed().toList();
	}

	/**
	 * The targets each federation is measured against, by year: its own, else the sum of
	 * the nearest own targets below it; a year without any target is absent. All the
	 * federations must lie under {@code top} (or be it).
	 */
	public Map<Long, Map<Integer, TargetValue>> effective(Federation top, List<Federation> federations) {
		List<Own> own = new ArrayList<>();
		for (Object[] row : this.targets.findWithin(Scope.of(top).pathPattern())) {
			own.add(new Own((Target) row[0], (String) row[1]));
		}
		Map<Long, Map<Integer, TargetValue>> result = new LinkedHashMap<>();
		for (Federation federation : federations) {
			Map<Integer, TargetValue> byYear = new LinkedHashMap<>();
			for (int year : years()) {
				TargetValue value = effective(federation.getPath(), year, own);
				if (value != null) {
					byYear.put(year, value);
				}
			}
			result.put(federation.getId(), byYear);
		}
		return result;
	}

	private static TargetValue effective(String path, int year, List<Own> own) {
		List<Own> thisYear = own.stream().filter(o -> o.target.getYear() == year).toList();
		for (Own o : thisYear) {
			if (o.path.equals(path)) {
				return new TargetValue(o.target.getPairings(), o.target.getMothers(), true);
			}
		}
		Set<String> ownPaths = thisYear.stream().map(o -> o.path).collect(Collectors.toSet());
		int pairings = 0;
		int mothers = 0;
		boolean any = false;
		for (Own o : thisYear) {
			if (o.path.startsWith(path) && nearest(path, o.path, ownPaths)) {
				pairings += o.target.getPairings();
				mothers += o.target.getMothers();
				any = true;
			}
		}
		return any ? new TargetValue(pairings, mothers, false) : null;
	}

	/** Whether no federation strictly between the top and the one below has a target. */
	private static boolean nearest(String top, String below, Set<String> ownPaths) {
		String between = below;
		while (true) {
			int cut = between.lastIndexOf('/', between.length() - 2);
			between = between.substring(0, cut + 1);
			if (between.length() <= top.length()) {
				return true;
			}
			if (ownPaths.contains(between)) {
				return false;
			}
		}
	}

	/**
	 * The form for the federations directly below one federation in the user's scope:
	 * their own targets for the year, empty where they have none.
	 */
	public TargetForm form(Federation parent, int year) {
		checkYear(year);
		List<Federation> children = this.federations.children(parent);
		Map<Long, Target> own = this.targets
			.findByFederationIdInAndYear(children.stream().map(Federation::getId).toList(), year)
			.stream()
			.collect(Collectors.toMap(Target::getFederationId, Function.identity()));
		TargetForm form = new TargetForm();
		for (Federation child : children) {
			Target target = own.get(child.getId());
			form.getLines()
				.add(target == null ? new TargetLine(child.getId(), null, null, null) : new TargetLine(child.getId(),
						target.getPairings(), target.getMothers(), target.getVersion()));
		}
		return form;
	}

	/**
	 * Saves the targets of the federations directly below {@code parentId} for the year,
	 * all or nothing: a line with both numbers sets the federation's own target, a line
	 * with neither removes it.
	 * @throws RuleViolationException when a line is half filled, the year is outside the
	 * action, or the user may not set targets here
	 * @throws ObjectOptimisticLockingFailureException when someone else changed a target
	 * since the form was opened
	 */
	@Transactional
	public void save(long parentId, int year, TargetForm form, CurrentUser user) {
		RuleViolationException.refuseIf(user.role() != Role.ADMIN && user.role() != Role.OFFICIAL, null,
				"target.notAllowed");
		checkYear(year);
		Federation parent = this.federations.get(parentId, Scope.of(user));
		Map<Long, Federation> children = this.federations.children(parent)
			.stream()
			.collect(Collectors.toMap(Federation::getId, Function.identity()));
		Map<Long, Target> own = new HashMap<>();
		this.targets.findByFederationIdInAndYear(List.copyOf(children.keySet()), year)
			.forEach(target -> own.put(target.getFederationId(), target));
		checkLines(form, children.keySet());
		Instant now = Instant.now(this.clock);
		for (int i = 0; i < form.getLines().size(); i++) {
			TargetLine line = form.getLines().get(i);
			Target stored = own.get(line.getFederationId());
			Versions.check(line.getVersion(), stored == null ? null : stored.getVersion(), Target.class,
					line.getFederationId());
			if (line.getPairings() == null) {
				if (stored != null) {
					this.targets.delete(stored);
				}
				continue;
			}
			Target target = stored != null ? stored : new Target(line.getFederationId(), year);
			if (stored == null || target.getPairings() != line.getPairings()
					|| target.getMothers() != line.getMothers()) {
				target.set(line.getPairings(), line.getMothers(), user.id(), now);
				this.targets.save(target);
			}
		}
	}

	/**
	 * Checks the lines of a form that is shown again anyway (it has other errors), so
	 * that every half-filled line is reported in one round; saves nothing.
	 */
	@Transactional(readOnly = true)
	public void checkForm(long parentId, TargetForm form, CurrentUser user) {
		Federation parent = this.federations.get(parentId, Scope.of(user));
		checkLines(form, this.federations.children(parent).stream().map(Federation::getId).collect(Collectors.toSet()));
	}

	/**
	 * Every line below the parent and either fully filled or empty; all reported
	 * together.
	 */
	private static void checkLines(TargetForm form, java.util.Set<Long> children) {
		List<Runnable> rules = new java.util.ArrayList<>();
		rules.add(() -> RuleViolationException.refuseIf(
				form.getLines().stream().anyMatch(line -> !children.contains(line.getFederationId())), null,
				"target.notBelow"));
		for (int i = 0; i < form.getLines().size(); i++) {
			TargetLine line = form.getLines().get(i);
			String field = "lines[" + i + "].pairings";
			rules.add(() -> RuleViolationException.refuseIf((line.getPairings() == null) != (line.getMothers() == null),
					field, "target.bothOrNeither"));
		}
		RuleViolationException.refuseAll(rules.toArray(Runnable[]::new));
	}

	private void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new RuleViolationException(null, "target.year", String.valueOf(FIRST_YEAR),
					String.valueOf(LAST_YEAR));
		}
	}

	private record Own(Target target, String path) {
	}

}
