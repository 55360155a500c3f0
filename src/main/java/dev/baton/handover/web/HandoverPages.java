package dev.baton.handover.web;

import dev.baton.handover.AccountReview;
import dev.baton.handover.HandoverChanges;
import dev.baton.handover.HandoverPlans;
import dev.baton.handover.HandoverQueries;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.HandoverService;
import dev.baton.handover.HandoverStep;
import dev.baton.handover.HandoverViews;
import dev.baton.handover.SuccessorPlan;
import dev.baton.people.AbsenceService;
import dev.baton.people.FullNames;
import dev.baton.people.PeopleLookup;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.InputErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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

    /** How many accounts "Change the plan" lists at most; a search finds any other. */
    static final int AMENDABLE_SHOWN = 100;

    private final HandoverService launcher;
    private final HandoverQueries queries;
    private final AccountReview review;
    private final PeopleLookup persons;
    private final AbsenceService absences;
    private final HandoverPlans plans;
    private final HandoverChanges changes;

    HandoverPages(
            HandoverService launcher,
            HandoverQueries queries,
            AccountReview review,
            PeopleLookup persons,
            AbsenceService absences,
            HandoverPlans plans,
            HandoverChanges changes) {
        this.plans = plans;
        this.changes = changes;
        this.launcher = launcher;
        this.queries = queries;
        this.review = review;
        this.persons = persons;
        this.absences = absences;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String list(@RequestParam(defaultValue = "0") int page, Principal me, Model model) {
        Page<HandoverViews.Summary> handovers = queries.list(me.getName(), PageRequest.of(Math.max(page, 0), 20));
        Map<Long, String> runningFor = new HashMap<>();
        handovers.forEach(h -> Optional.ofNullable(queries.runningFor(h)).ifPresent(d -> runningFor.put(h.id(), d)));
        model.addAttribute("handovers", handovers);
        model.addAttribute("runningFor", runningFor);
        return "handover/list";
    }

    /** Step 1 (whom to hand over) without a person; the plan once one is picked. */
    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String wizard(@RequestParam(required = false) Long person, Principal me, Model model) {
        LaunchForm form = new LaunchForm();
        form.setDepartingId(person);
        return wizard(form, Map.of(), false, me, model);
    }

    /** The live preview: the wizard again, as filled in, with the plan applied (htmx swaps in its plan part). */
    @PostMapping("/new/plan")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String plan(@Valid @ModelAttribute("form") LaunchForm form, BindingResult binding, Principal me, Model model) {
        return wizard(form, invalid(form, binding), true, me, model);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String launch(
            @Valid @ModelAttribute("form") LaunchForm form,
            BindingResult binding,
            Principal me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> invalid = invalid(form, binding);
        if (invalid.isEmpty()) {
            try {
                long id = launcher.launch(form.toRequest(), me.getName());
                redirect.addFlashAttribute("message", "Handover launched.");
                return "redirect:/handovers/" + id;
            } catch (BadRequestException e) {
                invalid = fields(e);
            } catch (ConflictException e) {
                model.addAttribute("error", "Not launched: " + e.getMessage());
            }
        }
        if (!invalid.isEmpty()) {
            model.addAttribute("error", "Not launched: see the marked fields. Your plan is kept.");
        }
        // the wizard again, as filled in, with the reasons at their fields: nothing was launched
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return wizard(form, invalid, true, me, model);
    }

    /** What the wizard's form has wrong before the service is asked: each field's first error. */
    private static Map<String, String> invalid(LaunchForm form, BindingResult binding) {
        Map<String, String> invalid = new LinkedHashMap<>(InputErrors.ofBinding(binding));
        form.unknownAccounts().forEach(invalid::putIfAbsent);
        return invalid;
    }

    private String wizard(LaunchForm form, Map<String, String> invalid, boolean planErrors, Principal me, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(invalid);
        model.addAttribute("form", form);
        model.addAttribute("handable", queries.handable(me.getName()));
        model.addAttribute("reasons", HandoverReason.values());
        model.addAttribute("modes", SuccessorPlan.Mode.values());
        if (form.getDepartingId() != null) {
            try {
                model.addAttribute("preview", queries.preview(form.getDepartingId(), "departingId", me.getName()));
                model.addAttribute(
                        "candidates", queries.candidates(form.getDepartingId(), "departingId", me.getName()));
                model.addAttribute("plan", plans.preview(form.toRequest(), me.getName()));
            } catch (BadRequestException e) {
                String notThisPerson = fields(e).get("departingId");
                if (notThisPerson != null) {
                    // no book to plan (someone who owns nothing, say): the reason, not an empty book and a plan
                    model.asMap().keySet().removeAll(List.of("preview", "candidates", "plan"));
                    model.addAttribute("notHandable", notThisPerson);
                }
                // a fresh wizard has no successor yet: that is no error to show before anything was chosen
                if (planErrors || notThisPerson != null) {
                    fields(e).forEach(errors::putIfAbsent);
                }
            } catch (ConflictException e) {
                // someone who may not be handed over now (HandoverService#requireHandable): the reason, not a plan
                model.asMap().keySet().removeAll(List.of("preview", "candidates", "plan"));
                model.addAttribute("notHandable", e.getMessage());
            }
        }
        HandoverViews.Preview book = (HandoverViews.Preview) model.getAttribute("preview");
        Map<String, String> unmarked = new LinkedHashMap<>();
        if (book != null) {
            Set<String> rows = new HashSet<>();
            book.accounts().forEach(a -> rows.add("successors[" + a.id() + "]"));
            errors.forEach((field, message) -> {
                if (!rows.contains(field) && !markedAtItsInput(field, form)) {
                    unmarked.put(field, message);
                }
            });
        }
        model.addAttribute("invalid", errors);
        model.addAttribute("unmarked", unmarked);
        return "handover/new";
    }

    /**
     * Whether the wizard shows an error at {@code field} beside its input (new.html); a per-account
     * successor only at a row of the book. Any other (a tampered {@code successors[abc]}, an end date
     * without a leave) is listed above the plan, or it would be told "see the marked fields" with none marked.
     */
    private static boolean markedAtItsInput(String field, LaunchForm form) {
        return switch (field) {
            case "departingId", "mode", "reason", "effectiveDate" -> true;
            case "successorId" -> form.getMode() == SuccessorPlan.Mode.ONE;
            case "endDate" -> form.getReason() == HandoverReason.LEAVE_OF_ABSENCE;
            default -> field.startsWith("introOptOut");
        };
    }

    /** The service's field names as the wizard's inputs are named. */
    private static Map<String, String> fields(BadRequestException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getFieldErrors()
                .forEach((field, message) -> fields.put(
                        field.replace("plan.successorId", "successorId")
                                .replace("plan.teamId", "mode")
                                .replace("plan.mode", "mode")
                                .replace("plan.perAccount", "successors"),
                        message));
        return fields;
    }

    /** Stops the handover; what had moved stays moved. */
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String cancel(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Principal me,
            RedirectAttributes redirect) {
        try {
            changes.cancel(id, reason, me.getName());
            redirect.addFlashAttribute("message", "Handover canceled: its open tasks are withdrawn.");
        } catch (BadRequestException | ConflictException e) {
            redirect.addFlashAttribute("error", "Not canceled: " + message(e));
            redirect.addFlashAttribute("cancelError", message(e));
            redirect.addFlashAttribute("cancelReason", reason); // the form comes back as it was sent
        }
        return "redirect:/handovers/" + id;
    }

    /** Gives one account that has not moved yet to another successor. */
    @PostMapping("/{id}/successor")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String changeSuccessor(
            @PathVariable long id,
            @RequestParam(required = false) Long accountId,
            @RequestParam(required = false) Long successorId,
            Principal me,
            RedirectAttributes redirect) {
        try {
            if (accountId == null) {
                throw new BadRequestException("accountId", "choose the account");
            }
            changes.changeSuccessor(id, accountId, successorId, me.getName());
            redirect.addFlashAttribute("message", "Successor changed.");
        } catch (BadRequestException | ConflictException e) {
            redirect.addFlashAttribute("error", "Successor not changed: " + message(e));
            redirect.addFlashAttribute("amendError", message(e));
        }
        return "redirect:/handovers/" + id;
    }

    /** Starts an account's transfer that failed for good again, once its cause is fixed. */
    @PostMapping("/{id}/retry-transfer")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String retryTransfer(
            @PathVariable long id, @RequestParam long accountId, Principal me, RedirectAttributes redirect) {
        try {
            changes.retryTransfer(id, accountId, me.getName());
            redirect.addFlashAttribute("message", "Transfer started again.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "Not retried: " + message(e));
        }
        return "redirect:/handovers/" + id;
    }

    private static String message(RuntimeException e) {
        return e instanceof BadRequestException bad && !bad.getFieldErrors().isEmpty()
                ? String.join("; ", bad.getFieldErrors().values())
                : e.getMessage();
    }

    /**
     * A handover's progress, a page of its accounts at a time ({@code page}, {@code size} as the API takes
     * them: 50 by default, 1 to 2,000 (PageLimits)); while it runs, "Change the plan" offers every account
     * that can still go to another successor, not those of the page shown: the first {@link #AMENDABLE_SHOWN}
     * by name, or those whose name contains {@code amend}.
     */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String detail(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + HandoverApi.PAGE_SIZE) int size,
            @RequestParam(required = false) String amend,
            Principal me,
            Model model) {
        HandoverViews.Detail detail =
                queries.detail(id, me.getName(), PageRequest.of(page, size, Sort.by("account.name", "id")));
        model.addAttribute("detail", detail);
        model.addAttribute("names", names(detail));
        model.addAttribute("holderWarnings", holderWarnings(detail));
        if (detail.handover().active()) {
            model.addAttribute("candidates", queries.amendCandidates(id, me.getName()));
            model.addAttribute("amendable", queries.amendable(id, me.getName(), amend, AMENDABLE_SHOWN));
        }
        return "handover/detail";
    }

    /** The people the page names by user name (who canceled it, who holds each open step), by full name. */
    private FullNames names(HandoverViews.Detail detail) {
        List<String> usernames = new ArrayList<>();
        usernames.add(detail.handover().canceledBy());
        detail.items().content().forEach(i -> usernames.add(i.assignee()));
        detail.otherTasks().forEach(t -> usernames.add(t.assignee()));
        return persons.fullNames(usernames);
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
            byHolder.computeIfAbsent(holder, h -> persons.byUsername(h).flatMap(absences::unavailableToday))
                    .ifPresent(reason -> warnings.put(item.itemId(), reason + ": move this step"));
        }
        return warnings;
    }

    /** Open to the successor and the departing person too: it is what the acknowledgement task links to. */
    @GetMapping("/{id}/accounts/{accountId}")
    String review(@PathVariable long id, @PathVariable long accountId, Principal me, Model model) {
        AccountReview.View shown = review.of(id, accountId, me.getName());
        model.addAttribute("review", shown);
        model.addAttribute("names", persons.fullNames(Collections.singletonList(shown.noteBy())));
        return "handover/review";
    }
}
