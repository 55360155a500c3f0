package dev.baton.handover.web;

import dev.baton.handover.AccountReview;
import dev.baton.handover.HandoverQueries;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.HandoverService;
import dev.baton.handover.HandoverStep;
import dev.baton.handover.HandoverViews;
import dev.baton.handover.SuccessorPlan;
import dev.baton.people.AbsenceService;
import dev.baton.people.People;
import dev.baton.people.PeopleService;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.InputErrors;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** The handover pages: the list, the launch wizard (person, book, plan), progress, and an account's review. */
@Controller
@RequestMapping("/handovers")
class HandoverPages {

    /** The steps the person handed over does themselves: the note, and answering the successor's question. */
    private static final Set<HandoverStep> DEPARTING_STEPS =
            EnumSet.of(HandoverStep.WRITING_NOTE, HandoverStep.QUESTION_OPEN);

    private final HandoverService launcher;
    private final HandoverQueries queries;
    private final AccountReview review;
    private final PeopleService people;
    private final People persons;
    private final AbsenceService absences;

    HandoverPages(
            HandoverService launcher,
            HandoverQueries queries,
            AccountReview review,
            PeopleService people,
            People persons,
            AbsenceService absences) {
        this.launcher = launcher;
        this.queries = queries;
        this.review = review;
        this.people = people;
        this.persons = persons;
        this.absences = absences;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String list(@RequestParam(defaultValue = "0") int page, Principal me, Model model) {
        model.addAttribute("handovers", queries.list(me.getName(), PageRequest.of(Math.max(page, 0), 20)));
        return "handover/list";
    }

    /** Step 1 without a person; steps 2 and 3 (the book and the plan) once one is picked. */
    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String wizard(@RequestParam(required = false) Long person, Principal me, Model model) {
        model.addAttribute(
                "people",
                people.find(null, null, true, Pageable.unpaged(Sort.by("fullName")))
                        .getContent());
        model.addAttribute("reasons", HandoverReason.values());
        model.addAttribute("modes", SuccessorPlan.Mode.values());
        if (person != null) {
            model.addAttribute("preview", queries.preview(person, me.getName()));
        }
        return "handover/new";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String launch(
            @Valid @ModelAttribute LaunchForm form,
            BindingResult binding,
            Principal me,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // the wizard again, as filled in, with the bad fields marked: not a bare 400 page
            Map<String, String> invalid = InputErrors.ofBinding(binding);
            model.addAttribute("invalid", invalid);
            model.addAttribute("error", "Not launched: " + InputErrors.describe(invalid, "check the plan"));
            return wizard(form.getDepartingId(), me, model);
        }
        try {
            long id = launcher.launch(form.toRequest(), me.getName());
            redirect.addFlashAttribute("message", "Handover launched.");
            return "redirect:/handovers/" + id;
        } catch (BadRequestException e) {
            redirect.addFlashAttribute(
                    "error",
                    "Not launched: " + String.join("; ", e.getFieldErrors().values()));
        } catch (ConflictException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Not launched: " + e.getMessage());
        }
        return "redirect:/handovers/new" + (form.getDepartingId() == null ? "" : "?person=" + form.getDepartingId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Principal me, Model model) {
        HandoverViews.Detail detail = queries.detail(
                id,
                me.getName(),
                PageRequest.of(Math.max(page, 0), HandoverApi.PAGE_SIZE, Sort.by("account.name", "id")));
        model.addAttribute("detail", detail);
        model.addAttribute("holderWarnings", holderWarnings(detail));
        return "handover/detail";
    }

    /**
     * Per item id, why its open step's holder cannot really act on it: the person being handed over
     * holding a step that is not theirs (one came to them as someone's cover), or a holder who is away,
     * inactive or being handed over today.
     */
    private Map<Long, String> holderWarnings(HandoverViews.Detail detail) {
        String departing = detail.handover().departing();
        Map<String, Optional<String>> byHolder = new HashMap<>();
        Map<Long, String> warnings = new HashMap<>();
        for (HandoverViews.Item item : detail.items().content()) {
            String holder = item.assignee();
            if (holder == null) {
                continue;
            }
            if (holder.equals(departing)) {
                if (!DEPARTING_STEPS.contains(item.step())) {
                    warnings.put(
                            item.itemId(), detail.handover().departingName() + " is being handed over: move this step");
                }
                continue;
            }
            byHolder.computeIfAbsent(holder, h -> persons.findByUsername(h).flatMap(absences::unavailableToday))
                    .ifPresent(reason -> warnings.put(item.itemId(), reason + ": move this step"));
        }
        return warnings;
    }

    /** Open to the successor and the departing person too: it is what the acknowledgement task links to. */
    @GetMapping("/{id}/accounts/{accountId}")
    String review(@PathVariable long id, @PathVariable long accountId, Principal me, Model model) {
        model.addAttribute("review", review.of(id, accountId, me.getName()));
        return "handover/review";
    }
}
