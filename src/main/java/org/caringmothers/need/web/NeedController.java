package org.caringmothers.need.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.caringmothers.common.web.PageSizes;
import org.caringmothers.child.ChildFilter;
import org.caringmothers.child.ChildService;
import org.caringmothers.child.ChildStatus;
import org.caringmothers.common.RuleViolationException;
import org.caringmothers.common.security.CurrentUser;
import org.caringmothers.common.web.FlashMessages;
import org.caringmothers.common.web.Forms;
import org.caringmothers.need.Department;
import org.caringmothers.need.Need;
import org.caringmothers.need.NeedCategory;
import org.caringmothers.need.NeedForm;
import org.caringmothers.need.NeedLine;
import org.caringmothers.need.NeedService;
import org.caringmothers.need.NeedStatus;
import org.caringmothers.need.Urgency;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 急难愁盼: the needs of the children in the user's federation and their follow-up. */
@Controller
@RequestMapping("/needs")
@RequiredArgsConstructor
class NeedController {

	private final NeedService needs;

	private final ChildService children;

	private final Clock clock;

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("categories", NeedCategory.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("statuses", NeedStatus.values());
		model.addAttribute("departments", Department.values());
		model.addAttribute("now", this.clock.instant());
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) NeedStatus status,
			@RequestParam(required = false) NeedCategory category, @RequestParam(defaultValue = "true") boolean open,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", this.needs.search(user, status, category, open && status == null,
				PageRequest.of(Math.max(page, 0), PageSizes.requested(25))));
		model.addAttribute("status", status);
		model.addAttribute("category", category);
		model.addAttribute("open", open);
		return "need/list";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		NeedLine line = this.needs.line(id, user);
		model.addAttribute("need", line.need());
		model.addAttribute("child", line.child());
		return "need/detail";
	}

	/**
	 * Starting a need from the needs list: first find the child (by name, in the user's
	 * scope), then the form for that child.
	 */
	@GetMapping(path = "/new", params = "!child")
	String chooseChild(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String name = (q != null) ? q.strip() : "";
		if (!name.isEmpty()) {
			ChildFilter filter = new ChildFilter();
			filter.setQ(name);
			filter.setStatus(ChildStatus.ACTIVE);
			model.addAttribute("page",
					this.children.list(filter, user, PageRequest.of(Math.max(page, 0), 25, Sort.by("name", "id"))));
		}
		model.addAttribute("q", name);
		model.addAttribute("today", LocalDate.now(this.clock));
		return "need/choose-child";
	}

	@GetMapping(path = "/new", params = "child")
	String newNeed(@AuthenticationPrincipal CurrentUser user, @RequestParam long child, Model model) {
		model.addAttribute("child", this.children.get(child, user));
		model.addAttribute("form", new NeedForm());
		return "need/form";
	}

	@PostMapping("/new")
	String raise(@AuthenticationPrincipal CurrentUser user, @RequestParam long child,
			@Valid @ModelAttribute("form") NeedForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("child", this.children.get(child, user));
		return Forms.submit(result, () -> {
			Need need = this.needs.raise(child, form, user);
			FlashMessages.success(redirect, "need.raised");
			return "redirect:/needs/" + need.getId();

		}, () -> "need/form");
	}

	@PostMapping("/{id}/steps")
	String move(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) NeedStatus to, @RequestParam(required = false) Department department,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			this.needs.move(id, to, department, note, user);
			FlashMessages.success(redirect, "need.moved");
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
		}
		return "redirect:/needs/" + id;
	}

	@PostMapping("/{id}/report")
	String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String action, RedirectAttributes redirect) {
		try {
			this.needs.recordReportAction(id, action, user);
			FlashMessages.success(redirect, "need.report.recorded");
		}
		catch (RuleViolationException ex) {
			FlashMessages.refused(redirect, ex);
		}
		return "redirect:/needs/" + id;
	}

}
