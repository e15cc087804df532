package org.caringmothers.federation;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.caringmothers.common.persistence.Versions;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation tree and its stations. Every lookup takes the caller's {@link Scope}; a
 * federation outside it is reported as not found.
 */
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class FederationService {

	private final FederationRepository federations;

	private final StationRepository stations;

	private final jakarta.persistence.EntityManager entityManager;

	/** The federation with this id, if it lies within the scope; 404 otherwise. */
	public Federation get(long id, Scope scope) {
		return this.federations.findById(id).filter(scope::covers).orElseThrow(() -> notFound(id));
	}

	/**
	 * The federation, if it lies within the scope (else 404), with every federation above
	 * it, the top first and the federation itself last: what {@link #get} and
	 * {@link #ancestors} answer, in one query.
	 */
	public List<Federation> lineage(long id, Scope scope) {
		List<Federation> line = this.federations.lineage(id);
		if (line.isEmpty() || !line.get(line.size() - 1).getId().equals(id)
				|| !scope.covers(line.get(line.size() - 1))) {
			throw notFound(id);
		}
		return line;
	}

	/**
	 * {@link #lineage} and the federation's {@link #summary}, in one query: the
	 * federation, if it lies within the scope (else 404), with every federation above it,
	 * and the counts of what lies under it.
	 */
	public LineageAndSummary lineageAndSummary(long id, Scope scope) {
		// the path as a constant, so that PostgreSQL scans the subtree through the path
		// index (the home page asks for the user's own federation, whose path she
		// carries)
		String path = (id == scope.federationId()) ? scope.path()
				: this.federations.findById(id).map(Federation::getPath).orElseThrow(() -> notFound(id));
		Scope below = new Scope(id, path);
		@SuppressWarnings("unchecked")
		List<Object[]> rows = this.entityManager.createNativeQuery("""
				with levels as (select x.level, count(*) as n from federation x where x.path like :pattern
				                group by x.level),
				stations as (select count(*) as n from station s join federation sf on sf.id = s.federation_id
				             where sf.path like :pattern)
				select a.*, (select string_agg(l.level || '=' || l.n, ',') from levels l) as by_level,
				       (select b.n from stations b) as stations
				from federation a
				where a.id = any (string_to_array(trim(both '/' from cast(:path as text)), '/')::bigint[])
				order by a.path""", Federation.LINEAGE_AND_SUMMARY)
			.setParameter("pattern", below.sqlArgument())
			.setParameter("path", path)
			.getResultList();
		List<Federation> line = rows.stream().map(row -> (Federation) row[0]).toList();
		if (line.isEmpty() || !line.get(line.size() - 1).getId().equals(id)
				|| !scope.covers(line.get(line.size() - 1))) {
			throw notFound(id);
		}
		Map<FederationLevel, Long> byLevel = new EnumMap<>(FederationLevel.class);
		String levels = (String) rows.get(0)[1];
		for (String level : (levels == null) ? new String[0] : levels.split(",")) {
			String[] pair = level.split("=");
			byLevel.put(FederationLevel.valueOf(pair[0]), Long.parseLong(pair[1]));
		}
		long stations = ((Number) rows.get(0)[2]).longValue();
		return new LineageAndSummary(line, summary(line.get(line.size() - 1), byLevel, stations));
	}

	/**
	 * The federation with this division code, if it lies within the scope; a name ("娄烦镇",
	 * or "娄烦镇（娄烦县）" as the picker shows it) is accepted too when it names exactly one
	 * federation in the scope.
	 */
	public Optional<Federation> findByCode(String code, Scope scope) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		String text = code.trim();
		if (text.chars().allMatch(Character::isDigit)) {
			return byCodeInThisRequest(text).filter(scope::covers);
		}
		return findByName(text, scope);
	}

	/**
	 * The federation with this code and its parent, looked up once per web request (a
	 * list's filter, its counts and its picker ask for the same code), else each time.
	 */
	private Optional<Federation> byCodeInThisRequest(String code) {
		org.springframework.web.context.request.RequestAttributes request = org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes();
		if (request == null) {
			return this.federations.findWithParentByCode(code);
		}
		String key = FederationService.class.getName() + ".code." + code;
		@SuppressWarnings("unchecked")
		Optional<Federation> known = (Optional<Federation>) request.getAttribute(key,
				org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
		if (known == null) {
			known = this.federations.findWithParentByCode(code);
			request.setAttribute(key, known, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
		}
		return known;
	}

	/**
	 * The one federation in the scope with this name, optionally followed by its parent's
	 * name in brackets; empty when none or several match.
	 */
	public Optional<Federation> findByName(String text, Scope scope) {
		String name = text.trim();
		String parent = null;
		int open = Math.max(name.indexOf('（'), name.indexOf('('));
		if (open > 0 && (name.endsWith("）") || name.endsWith(")"))) {
			parent = name.substring(open + 1, name.length() - 1).trim();
			name = name.substring(0, open).trim();
		}
		String parentName = parent;
		List<Federation> matches = this.federations.findByNameWithin(scope.pathPattern(), name)
			.stream()
			.filter(federation -> parentName == null
					|| (federation.getParent() != null && federation.getParent().getName().equals(parentName)))
			.toList();
		return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
	}

	/**
	 * What the federation picker offers for typed text: federations in the scope whose
	 * name contains it or whose code starts with it, shallowest first.
	 */
	public List<FederationOption> suggestions(String text, Scope scope, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String needle = text.trim();
		int open = Math.max(needle.indexOf('（'), needle.indexOf('('));
		if (open > 0) {
			needle = needle.substring(0, open);
		}
		return search(needle, scope, org.springframework.data.domain.PageRequest.of(0, limit,
				org.springframework.data.domain.Sort.by("code")))
			.map(FederationOption::of)
			.getContent();
	}

	/**
	 * The picker's label of the federation with this code or name in the scope, if any.
	 */
	public Optional<FederationOption> option(String codeOrName, Scope scope) {
		return findByCode(codeOrName, scope).map(FederationOption::of);
	}

	/**
	 * The scope a list filter asks for: the user's own, or the federation of the code
	 * when one is given; empty when that code names no federation in the user's scope
	 * (the list is then empty).
	 */
	public Optional<Scope> filterScope(CurrentUser user, String federationCode) {
		Scope own = Scope.of(user);
		if (federationCode == null || federationCode.isBlank()) {
			return Optional.of(own);
		}
		return findByCode(federationCode, own).map(Scope::of);
	}

	/** These federations (those that exist), in path order, in one query. */
	public List<Federation> findAllById(java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.federations.findByIdInOrderByPath(ids);
	}

	/** The federation with this id regardless of scope, for the signed-in user's own. */
	public Optional<Federation> findById(long id) {
		return this.federations.findById(id);
	}

	public Optional<Federation> findByCode(String code) {
		return this.federations.findByCode(code);
	}

	/** Is X under Y (or Y itself)? */
	public boolean isWithin(long federationId, long rootId) {
		return this.federations.isWithin(federationId, rootId);
	}

	/** All ids under Y, Y included; empty when Y does not exist. */
	public List<Long> idsWithin(long rootId) {
		return this.federations.findById(rootId).map(root -> idsWithin(Scope.of(root))).orElse(List.of());
	}

	/** All ids in the scope. */
	public List<Long> idsWithin(Scope scope) {
		return this.federations.idsWithin(scope.pathPattern());
	}

	public List<Federation> children(Federation parent) {
		return this.federations.findByParentIdOrderByCode(parent.getId());
	}

	/** How many children each of these federations has. */
	public Map<Long, Long> childCounts(List<Federation> parents) {
		Map<Long, Long> counts = new HashMap<>();
		if (!parents.isEmpty()) {
			for (Object[] row : this.federations.countChildren(parents.stream().map(Federation::getId).toList())) {
				counts.put((Long) row[0], (Long) row[1]);
			}
		}
		return counts;
	}

	/** The federation's ancestors from the root down, itself excluded. */
	public List<Federation> ancestors(Federation federation) {
		long[] lineage = federation.lineage();
		List<Long> ids = Arrays.stream(lineage, 0, lineage.length - 1).boxed().toList();
		return ids.isEmpty() ? List.of() : this.federations.findByIdInOrderByPath(ids);
	}

	/**
	 * The programme's local brand: the federation's own or that of its nearest ancestor.
	 */
	public Optional<String> programmeName(Federation federation) {
		if (federation.getProgrammeName() != null) {
			return Optional.of(federation.getProgrammeName());
		}
		return programmeName(federation, ancestors(federation));
	}

	/** The programme's local brand, given the federation's {@link #ancestors}. */
	public Optional<String> programmeName(Federation federation, List<Federation> ancestors) {
		if (federation.getProgrammeName() != null) {
			return Optional.of(federation.getProgrammeName());
		}
		for (int i = ancestors.size() - 1; i >= 0; i--) {
			if (ancestors.get(i).getProgrammeName() != null) {
				return Optional.of(ancestors.get(i).getProgrammeName());
			}
		}
		return Optional.empty();
	}

	/**
	 * Federations in the scope whose name contains the text or whose code starts with it.
	 */
	public Page<Federation> search(String text, Scope scope, Pageable pageable) {
		String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		String escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return this.federations.search(scope.pathPattern(), "%" + escaped + "%", escaped + "%", pageable);
	}

	/**
	 * The programme rules in force for a federation: each rule from the federation itself
	 * or its nearest ancestor that sets it, else the programme's default.
	 */
	public ProgrammeSettings settings(Federation federation) {
		List<Federation> line = new java.util.ArrayList<>(ancestors(federation));
		line.add(federation);
		Integer capacity = null;
		Integer contact = null;
		Integer homeVisit = null;
		for (int i = line.size() - 1; i >= 0; i--) {
			Federation level = line.get(i);
			capacity = capacity != null ? capacity : level.getMotherCapacity();
			contact = contact != null ? contact : level.getContactDays();
			homeVisit = homeVisit != null ? homeVisit : level.getHomeVisitDays();
		}
		ProgrammeSettings defaults = ProgrammeSettings.DEFAULTS;
		return new ProgrammeSettings(capacity != null ? capacity : defaults.motherCapacity(),
				contact != null ? contact : defaults.contactDays(),
				homeVisit != null ? homeVisit : defaults.homeVisitDays());
	}

	private static ProgrammeSettings inherit(ProgrammeSettings above, Integer capacity, Integer contactDays,
			Integer homeVisitDays) {
		return new ProgrammeSettings(capacity != null ? capacity : above.motherCapacity(),
				contactDays != null ? contactDays : above.contactDays(),
				homeVisitDays != null ? homeVisitDays : above.homeVisitDays());
	}

	public FederationSummary summary(Federation federation) {
		Map<FederationLevel, Long> byLevel = new EnumMap<>(FederationLevel.class);
		long stations = 0;
		for (Object[] row : this.federations.countByLevelWithStations(Scope.of(federation).pathPattern())) {
			byLevel.put((FederationLevel) row[0], (Long) row[1]);
			stations = ((Number) row[2]).longValue();
		}
		return summary(federation, byLevel, stations);
	}

	/** The summary of the federation from its subtree's counts, itself included. */
	private static FederationSummary summary(Federation federation, Map<FederationLevel, Long> byLevel, long stations) {
		byLevel.computeIfPresent(federation.getLevel(), (level, count) -> count - 1);
		byLevel.values().removeIf(count -> count == 0);
		return new FederationSummary(byLevel, stations);
	}

	public List<Station> stations(Federation federation) {
		return this.stations.findByFederationIdOrderByName(federation.getId());
	}

	/** Adds a township under a county or a village under a township. */
	@Transactional
	public Federation addChild(long parentId, FederationForm form, Scope scope) {
		Federation parent = get(parentId, scope);
		FederationLevel level = parent.getLevel().childLevel();
		checkChild(parent, form);
		String code = form.getCode() == null ? "" : form.getCode().trim();
		String name = form.getName().trim();
		try {
			return this.federations
				.saveAndFlush(new Federation(parent, level, code, name, blankToNull(form.getProgrammeName())));
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolationException("code", "federation.code.duplicate", code);
		}
	}

	/**
	 * Checks a new federation's form that is shown again anyway (it has other errors), so
	 * that every problem is reported in one round; saves nothing.
	 */
	@Transactional(readOnly = true)
	public void checkChildForm(long parentId, FederationForm form, Scope scope) {
		checkChild(get(parentId, scope), form);
	}

	/**
	 * Every rule of a new federation under the parent, all broken rules reported
	 * together.
	 */
	private void checkChild(Federation parent, FederationForm form) {
		FederationLevel level = parent.getLevel().childLevel();
		String code = form.getCode() == null ? "" : form.getCode().trim();
		String name = form.getName() == null ? "" : form.getName().trim();
		RuleViolationException.refuseAll(() -> RuleViolationException
			.refuseIf(!parent.getLevel().acceptsLocalChildren(), "code", "federation.child.notAllowed"), () -> {
				String problem = DivisionCodes.problem(code, level, parent.getLevel(), parent.getCode());
				RuleViolationException.refuseIf(problem != null, "code", problem, parent.getCode());
				this.federations.findByCode(code).ifPresent(existing -> {
					throw new RuleViolationException("code", "federation.code.duplicate", existing.getName());
				});
			}, () -> RuleViolationException.refuseIf(
					!name.isEmpty() && this.federations.existsByParentIdAndName(parent.getId(), name), "name",
					"federation.name.duplicate"));
	}

	/** Renames a federation and sets its programme brand name. */
	@Transactional
	public Federation update(long id, FederationForm form, Scope scope) {
		Federation federation = get(id, scope);
		Versions.check(form.getVersion(), federation.getVersion(), Federation.class, id);
		String name = form.getName().trim();
		if (!name.equals(federation.getName()) && federation.getParent() != null
				&& this.federations.existsByParentIdAndName(federation.getParent().getId(), name)) {
			throw new RuleViolationException("name", "federation.name.duplicate");
		}
		federation.rename(name);
		federation.brand(blankToNull(form.getProgrammeName()));
		federation.setRules(form.getMotherCapacity(), form.getContactDays(), form.getHomeVisitDays());
		return this.federations.saveAndFlush(federation);
	}

	@Transactional
	public Station addStation(long federationId, StationForm form, Scope scope) {
		Federation federation = get(federationId, scope);
		String name = form.getName().trim();
		RuleViolationException.refuseIf(this.stations.existsByFederationIdAndName(federation.getId(), name), "name",
				"station.name.duplicate");
		return this.stations
			.saveAndFlush(new Station(federation, name, blankToNull(form.getAddress()), form.getPlaqueDate()));
	}

	/**
	 * Sets the brand name of a federation, for data loading outside any user's request.
	 */
	@Transactional
	public void brand(String code, String programmeName) {
		this.federations.findByCode(code).ifPresent(federation -> federation.brand(programmeName));
	}

	@Transactional
	public Station addStationIfAbsent(String federationCode, String name, String address,
			java.time.LocalDate plaqueDate) {
		Federation federation = this.federations.findByCode(federationCode).orElseThrow(() -> notFound(federationCode));
		return this.stations.findByFederationIdOrderByName(federation.getId())
			.stream()
			.filter(station -> station.getName().equals(name))
			.findFirst()
			.orElseGet(() -> this.stations.save(new Station(federation, name, address, plaqueDate)));
	}

	public long count() {
		return this.federations.count();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private static NotFoundException notFound(Object id) {
		return new NotFoundException("federation " + id);
	}

}
