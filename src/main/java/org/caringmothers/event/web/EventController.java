package org.caringmothers.event.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.web.PageSizes;
import org.caringmothers.common.Gender;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.EditConflict;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.Forms;
import org.caringmothers.event.AttendeeForm;
import org.caringmothers.event.Event;
import org.caringmothers.event.EventFilter;
import org.caringmothers.event.EventForm;
import org.caringmothers.event.EventService;
import org.caringmothers.event.EventType;
import org.caringmothers.volunteer.Volunteer;
import org.caringmothers.volunteer.VolunteerForm;
import org.caringmothers.volunteer.VolunteerRole;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Events: the list with counts by type, one form for create and edit, and the event's
 * page with its attendance (add by search, remove) and, for a recruitment drive, the
 * registration of applicants.
 */
@Controller
@RequestMapping("/events")
@RequiredArgsConstructor
class EventController {

	private static final String FORM = "event/form";

	private static final String DETAIL = "event/detail";

	private static final int PAGE_SIZE = 20;

	private final EventService events;

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("allTypes", EventType.values());
		model.addAttribute("allGenders", Gender.values());
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") EventFilter filter,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page",
				this.events.list(filter, user, PageRequest.of(Math.max(page, 0), PageSizes.requested(PAGE_SIZE),
						Sort.by(Sort.Direction.DESC, "eventDate").and(Sort.by(Sort.Direction.DESC, "id")))));
		model.addAttribute("counts", this.events.countByType(filter, user));
		return "event/list";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) EventType type, Model model) {
		EventForm form = new EventForm();
		form.setType(type);
		model.addAttribute("form", form);
		return showForm(null, model);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") EventForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Forms.alsoCheck(result, () -> this.events.checkForm(form, null, user));
		return Forms.submit(result, () -> {
			Event event = this.events.create(form, user);
			FlashMessages.success(redirect, "event.created", event.getTitle());
			return "redirect:/events/" + event.getId();

		}, () -> showForm(null, model));
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String q, Model model) {
		return showDetail(user, id, q, model);
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Event event = this.events.get(id, user);
		model.addAttribute("form", EventForm.of(event));
		return showForm(event, model);
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") EventForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Event event = this.events.get(id, user);
		Forms.alsoCheck(result, () -> this.events.checkForm(form, id, user));
		return Forms.submit(result, () -> {
			this.events.update(id, form, user);
			FlashMessages.success(redirect, "event.updated", form.getTitle().trim());
			return "redirect:/events/" + id;
		}, () -> showForm(event, model), () -> {
			Event current = this.events.get(id, user);
			return EditConflict.showAgain(model, EventForm.of(current), () -> showForm(current, model));
		});
	}

	@PostMapping("/{id}/attendees")
	String addAttendee(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("attendeeForm") AttendeeForm attendeeForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.events.get(id, user);
		if (!result.hasErrors()) {
			try {
				Volunteer volunteer = this.events.addAttendee(id, attendeeForm.getVolunteerId(), user);
				FlashMessages.success(redirect, "event.attendee.added", volunteer.getName());
				return "redirect:/events/" + id;
			}
			catch (RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		return showDetail(user, id, null, model);
	}

	/** Lists the volunteers ticked in the search results, all or none. */
	@PostMapping("/{id}/attendees/many")
	String addAttendees(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(name = "volunteerIds", required = false) List<Long> volunteerIds,
			@RequestParam(required = false) String q, RedirectAttributes redirect) {
		this.events.get(id, user);
		try {
			int listed = this.events.addAttendees(id, volunteerIds == null ? List.of() : volunteerIds, user);
			FlashMessages.success(redirect, "event.attendees.added", listed);
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
			if (q != null && !q.isBlank()) {
				redirect.addAttribute("q", q);
			}
		}
		return "redirect:/events/" + id;
	}

	@PostMapping("/{id}/attendees/{volunteerId}/remove")
	String removeAttendee(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long volunteerId, RedirectAttributes redirect) {
		Volunteer volunteer = this.events.removeAttendee(id, volunteerId, user);
		FlashMessages.success(redirect, "event.attendee.removed", volunteer.getName());
		return "redirect:/events/" + id;
	}

	@PostMapping("/{id}/recruits")
	String recruit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Validated({ Default.class,
					VolunteerForm.Create.class }) @ModelAttribute("recruitForm") VolunteerForm recruitForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		this.events.get(id, user);
		if (!result.hasErrors()) {
			try {
				Volunteer volunteer = this.events.recruit(id, recruitForm, user);
				FlashMessages.success(redirect, "event.recruit.added", volunteer.getName());
				return "redirect:/events/" + id;
			}
			catch (RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		return showDetail(user, id, null, model);
	}

	private String showDetail(CurrentUser user, long id, String q, Model model) {
		var details = this.events.details(id, q, user);
		model.addAttribute("details", details);
		model.addAttribute("q", q);
		if (!model.containsAttribute("attendeeForm")) {
			model.addAttribute("attendeeForm", new AttendeeForm());
		}
		if (!model.containsAttribute("recruitForm")) {
			VolunteerForm recruitForm = new VolunteerForm();
			recruitForm.setGender(Gender.FEMALE);
			recruitForm.setRole(VolunteerRole.MOTHER);
			recruitForm.setFederationCode(details.event().getFederation().getCode());
			model.addAttribute("recruitForm", recruitForm);
		}
		return DETAIL;
	}

	private String showForm(Event event, Model model) {
		model.addAttribute("event", event);
		return FORM;
	}

}
