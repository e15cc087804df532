package org.caringmothers.visit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.child.Child;
import org.caringmothers.child.Guardian;
import org.caringmothers.common.NotFoundException;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.AccountStatus;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.visit.ChildCard;
import org.caringmothers.visit.Gift;
import org.caringmothers.visit.Visit;
import org.caringmothers.visit.VisitForm;
import org.caringmothers.visit.VisitService;
import org.caringmothers.volunteer.Volunteer;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The mother's phone without a signal: the app shell the service worker keeps (no
 * personal data in it), the JSON copy of her children the phone keeps encrypted, and the
 * upload of contacts saved while offline, each answered in JSON so that the phone can
 * keep what the server refused, with the reason.
 */
@Controller
@RequestMapping("/my")
@RequiredArgsConstructor
class OfflineController {

	/** Days the phone keeps its copy without a sign-in. */
	static final int KEEP_DAYS = 14;

	/** Her contacts per child that the phone keeps for correcting offline. */
	static final int RECENT = 3;

	/** The header that tells the phone to remove everything it keeps. */
	static final String WIPE_HEADER = "X-Offline-Wipe";

	private final VisitService visits;

	private final AccountStatus accounts;

	private final MessageSource messages;

	private final Clock clock;

	/** The app shell: the same for every mother, nothing personal, kept by the worker. */
	@GetMapping("/offline")
	String shell(Model model) {
		ContactChoices.addTo(model);
		model.addAttribute("keepDays", KEEP_DAYS);
		return "visit/offline";
	}

	/**
	 * Her children as of now, with the fields of her home page, her contacts that she may
	 * still correct, and a CSRF token for the uploads. A disabled account, or one no
	 * longer linked to a caring mother, is answered 403 with the wipe header, and its
	 * session ends.
	 */
	@GetMapping("/sync")
	@ResponseBody
	ResponseEntity<Map<String, Object>> sync(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
			CsrfToken csrf) {
		Optional<Volunteer> mother = this.visits.motherOf(user);
		if (!this.accounts.isEnabled(user.id()) || mother.isEmpty()) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.header(WIPE_HEADER, "1")
				.cacheControl(CacheControl.noStore())
				.body(Map.of("wipe", true));
		}
		Locale locale = LocaleContextHolder.getLocale();
		Instant now = this.clock.instant();
		List<Map<String, Object>> children = new ArrayList<>();
		for (ChildCard card : this.visits.myChildren(user)) {
			children.add(child(card, user, locale, now));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("owner", mother.get().getId());
		body.put("account", user.id());
		body.put("syncedAt", now.toString());
		body.put("today", LocalDate.now(this.clock).toString());
		body.put("keepDays", KEEP_DAYS);
		body.put("csrfHeader", csrf.getHeaderName());
		body.put("csrfToken", csrf.getToken());
		body.put("children", children);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/**
	 * A contact saved on the phone. Sent again with the same client token it is recorded
	 * once, photos included.
	 */
	@PostMapping("/uploads")
	@ResponseBody
	ResponseEntity<Map<String, Object>> upload(@AuthenticationPrincipal CurrentUser user, @RequestParam long pairingId,
			@Valid @ModelAttribute("form") VisitForm form, BindingResult result) {
		if (result.hasErrors()) {
			return refused(reason(result));
		}
		try {
			Visit visit = this.visits.log(pairingId, form, user);
			return ResponseEntity.ok(Map.of("status", "uploaded", "visit", visit.getId()));
		}
		catch (NotFoundException ex) {
			return refused(message("offline.refused.pairingEnded"));
		}
		catch (RuleViolationException ex) {
			return refused(message(ex.messageKey(), ex.arguments()));
		}
	}

	/**
	 * A correction made on the phone to one of her contacts. If the contact changed on
	 * the server since the phone's copy, nothing is saved and the server's version is
	 * returned (409), so that she sees both and chooses.
	 */
	@PostMapping("/uploads/{visitId}")
	@ResponseBody
	ResponseEntity<Map<String, Object>> uploadEdit(@AuthenticationPrincipal CurrentUser user,
			@PathVariable long visitId, @Valid @ModelAttribute("form") VisitForm form, BindingResult result) {
		if (result.hasErrors()) {
			return refused(reason(result));
		}
		try {
			Visit visit = this.visits.update(visitId, form, user);
			return ResponseEntity.ok(Map.of("status", "uploaded", "visit", visit.getId()));
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			Visit current = this.visits.myVisit(visitId, user);
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(Map.of("status", "conflict", "reason", message("offline.conflict"), "server", visit(current)));
		}
		catch (NotFoundException ex) {
			return refused(message("offline.refused.visitGone"));
		}
		catch (RuleViolationException ex) {
			return refused(message(ex.messageKey(), ex.arguments()));
		}
	}

	private Map<String, Object> child(ChildCard card, CurrentUser user, Locale locale, Instant now) {
		Child child = card.pairing().getChild();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("pairing", card.pairing().getId());
		json.put("name", child.getName());
		json.put("age", card.childAge());
		json.put("village", child.getFederation().getName());
		json.put("school", child.getSchool());
		json.put("grade", child.getGrade());
		List<Map<String, String>> guardians = new ArrayList<>();
		for (Guardian guardian : child.getGuardians()) {
			// the full number stays encrypted on her phone so that she can call without a
			// signal; it is shown only when she taps 拨打, which is logged at the next
			// upload
			guardians.add(Map.of("name", guardian.getName(), "relation",
					this.messages.getMessage("child.relation." + guardian.getRelation(), null, locale), "phone",
					guardian.getMaskedPhone() == null ? "" : guardian.getMaskedPhone(), "number",
					guardian.getPhone() == null ? "" : guardian.getPhone()));
		}
		json.put("guardians", guardians);
		json.put("health", child.isHealthShareable() ? child.getHealthNotes() : null);
		LocalDate last = card.cadence().lastContact();
		json.put("lastContact", last == null ? null : last.toString());
		json.put("daysSinceContact", last == null ? null : card.daysSinceContact());
		json.put("nextDue", card.nextDue().toString());
		json.put("overdue", card.isOverdue());
		json.put("daysOverdue", card.daysOverdue());
		json.put("homeVisitDue", card.homeVisitDue());
		json.put("startDate", card.pairing().getStartDate().toString());
		json.put("recent",
				this.visits.recent(card.pairing())
					.stream()
					.filter(visit -> visit.getRecordedBy() == user.id() && visit.editableAt(now))
					.map(this::visit)
					.toList());
		return json;
	}

	private Map<String, Object> visit(Visit visit) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", visit.getId());
		json.put("version", visit.getVersion());
		json.put("visitDate", visit.getVisitDate().toString());
		json.put("mode", visit.getMode().name());
		json.put("durationMinutes", visit.getDurationMinutes());
		json.put("careTypes", visit.getCareTypes().stream().map(Enum::name).sorted().toList());
		List<Map<String, Object>> gifts = new ArrayList<>();
		for (Gift gift : visit.getGifts()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("item", gift.getItem());
			row.put("value", gift.getValue());
			gifts.add(row);
		}
		json.put("gifts", gifts);
		json.put("childMood", visit.getChildMood().name());
		json.put("notes", visit.getNotes());
		json.put("clientToken", visit.getClientToken());
		return json;
	}

	private String reason(BindingResult result) {
		List<String> reasons = new ArrayList<>();
		for (ObjectError error : result.getAllErrors()) {
			String text = this.messages.getMessage(error, LocaleContextHolder.getLocale());
			reasons.add(error instanceof FieldError field
					? message("offline.refused.field", message(fieldLabel(field.getField())), text) : text);
		}
		return String.join("; ", reasons);
	}

	private static String fieldLabel(String field) {
		if (field.startsWith("gifts")) {
			return "visit.gifts";
		}
		return switch (field) {
			case "visitDate" -> "visit.date";
			case "mode" -> "visit.mode";
			case "durationMinutes" -> "visit.duration";
			case "careTypes" -> "visit.care";
			case "childMood" -> "visit.mood";
			case "notes" -> "visit.notes";
			case "photos" -> "visit.photos";
			case "needCategory" -> "need.category";
			case "needUrgency" -> "need.urgency";
			case "needDescription" -> "need.description";
			default -> "offline.field.other";
		};
	}

	private ResponseEntity<Map<String, Object>> refused(String reason) {
		return ResponseEntity.status(422).body(Map.of("status", "refused", "reason", reason));
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
