package dev.baton.commitment.web;

import dev.baton.account.Timeline;
import dev.baton.account.TimelineItem;
import dev.baton.commitment.CommitmentAccess;
import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentRegister;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.CommitmentView;
import dev.baton.commitment.CommitmentWaitingSteps;
import dev.baton.people.PeopleService;
import dev.baton.people.TeamService;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.InputErrors;
import dev.baton.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The commitment register page for customer success: filters (open commitments first), counts that
 * open their filter, rows opening each commitment's page (history in words, the viewer's actions), CSV.
 */
@Controller
@RequestMapping("/commitments")
class CommitmentPages {

    static final int PAGE_SIZE = 50;

    private final CommitmentService commitments;
    private final CommitmentRegister register;
    private final PeopleService people;
    private final TeamService teams;
    private final CommitmentController api;
    private final CommitmentAccess access;
    private final Timeline timeline;
    private final Validator validator;
    private final RegisterFilters filters;
    private final CommitmentWaitingSteps waitingSteps;

    CommitmentPages(
            CommitmentService commitments,
            CommitmentRegister register,
            PeopleService people,
            TeamService teams,
            CommitmentController api,
            CommitmentAccess access,
            Timeline timeline,
            Validator validator,
            RegisterFilters filters,
            CommitmentWaitingSteps waitingSteps) {
        this.waitingSteps = waitingSteps;
        this.filters = filters;
        this.validator = validator;
        this.access = access;
        this.timeline = timeline;
        this.commitments = commitments;
        this.register = register;
        this.people = people;
        this.teams = teams;
        this.api = api;
    }

    /**
     * The register for its filters. A filter it cannot use (a date that is no date, {@code dueFrom}
     * after {@code dueTo}, an id that names nothing) gets the page again (400) with the message at that
     * filter's field and the user's other filters kept, and lists nothing; the API answers the same
     * filters with a problem detail naming the parameter.
     */
    @GetMapping
    String register(
            @Valid RegisterParams params,
            BindingResult binding,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (request.getQueryString() == null || request.getQueryString().isBlank()) {
            params = RegisterParams.openOnly(); // the first view: what is still owed
        }
        model.addAttribute("statuses", CommitmentStatus.values());
        model.addAttribute(
                "owners",
                people.find(null, null, null, Pageable.unpaged(Sort.by("fullName")))
                        .getContent());
        model.addAttribute(
                "teams", teams.find(Pageable.unpaged(Sort.by("name"))).getContent());
        Map<String, String> refused = new LinkedHashMap<>();
        // a value that is no date or number: in words at its field (ReadableBindingErrors)
        binding.getFieldErrors().forEach(e -> refused.putIfAbsent(e.getField(), e.getDefaultMessage()));
        CommitmentFilter filter = null;
        if (refused.isEmpty()) {
            try {
                filter = filters.of(params);
            } catch (BadRequestException e) {
                refused.putAll(e.getFieldErrors());
            }
        }
        if (filter == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "Nothing listed: see the message at the filter.");
            model.addAttribute("form", RegisterForm.typed(request, refused));
            model.addAttribute("commitments", Page.empty());
            return "commitment/list";
        }
        model.addAttribute("form", RegisterForm.of(params));
        model.addAttribute("countLinks", countLinks(params));
        model.addAttribute(
                "commitments",
                commitments.find(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("dueDate", "id"))));
        model.addAttribute("summary", register.summary(filter));
        // the filters the rows were found by (the first view's default too), for the export link and the pages
        model.addAttribute("query", params.query());
        return "commitment/list";
    }

    /** Each count's own filter, in the same scope (owner, team, account, due window). */
    private static Map<String, String> countLinks(RegisterParams p) {
        String scope = p.scope().query();
        Map<String, String> links = new LinkedHashMap<>();
        Map.of(
                        "open", "open=true",
                        "overdue", "overdue=true",
                        "unowned", "unowned=true",
                        "rejected", "rejected=true",
                        "awaitingVerification", "status=DELIVERED")
                .forEach(
                        (count, flag) -> links.put(count, "/commitments?" + flag + (scope == null ? "" : "&" + scope)));
        return links;
    }

    /** One commitment: what was promised, its history in words, and the actions the viewer may take now. */
    @GetMapping("/{id:\\d+}") // digits only: /export.csv for another Accept is a 406, not "id: must be a whole number"
    String detail(@PathVariable Long id, Principal me, Model model) {
        CommitmentView c = commitments.get(id);
        model.addAttribute("c", c);
        model.addAttribute("history", history(c));
        model.addAttribute("actions", access.actions(id, me.getName()));
        // who holds its waiting steps: the account's new owner reads who renegotiates a rejected promise
        model.addAttribute("steps", waitingSteps.of(id));
        return "commitment/detail";
    }

    /**
     * Takes one action through the API's own method (its access checks and the service), then shows the
     * commitment again; a reason or evidence the action needs, or a reschedule's new date, is asked for
     * at its field.
     */
    @PostMapping("/{id}/{action}")
    String act(
            @PathVariable Long id,
            @PathVariable String action,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String dueDate,
            Principal me,
            RedirectAttributes redirect) {
        if (!access.actions(id, me.getName()).contains(action)) {
            // the same rule that decides which buttons the page shows (status, line, role)
            throw new AccessDeniedException(me.getName() + " may not " + action + " commitment " + id + " now");
        }
        Typed typed = new Typed(action, text, dueDate);
        boolean needsText = !Set.of("accept", "verify").contains(action);
        if (needsText && (text == null || text.isBlank())) {
            return refused(redirect, id, action, typed, "text", TEXT_PROMPTS.getOrDefault(action, "say why"));
        }
        LocalDate newDueDate = "reschedule".equals(action) ? date(dueDate) : null;
        if ("reschedule".equals(action) && newDueDate == null) {
            // a date typed that is none is told as typed, in the words of every page form (found by a probe:
            // "18.12.2026" was answered "choose the new due date")
            return refused(
                    redirect,
                    id,
                    action,
                    typed,
                    "dueDate",
                    dueDate == null || dueDate.isBlank()
                            ? "choose the new due date"
                            : "the new due date "
                                    + InputErrors.refused(dueDate.strip(), InputErrors.expected(LocalDate.class)));
        }
        try {
            switch (action) {
                case "accept" -> api.accept(id, new CommitmentController.Version(version), me);
                case "verify" -> api.verify(id, new CommitmentController.Version(version), me);
                // held to the API's constraints like its JSON bodies: length, plain text
                case "deliver" -> api.deliver(id, valid(new CommitmentController.Delivery(text.strip(), version)), me);
                case "reject" -> api.reject(id, valid(new CommitmentController.Reason(text.strip(), version)), me);
                case "reopen" -> api.reopen(id, valid(new CommitmentController.Reason(text.strip(), version)), me);
                case "cancel" -> api.cancel(id, valid(new CommitmentController.Reason(text.strip(), version)), me);
                case "breach" -> api.breach(id, valid(new CommitmentController.Reason(text.strip(), version)), me);
                case "reschedule" ->
                    api.reschedule(
                            id, valid(new CommitmentController.Rescheduling(newDueDate, text.strip(), version)), me);
                default -> throw new NotFoundException("action", action);
            }
            redirect.addFlashAttribute("message", "Done: the promise is " + DONE.get(action) + ".");
        } catch (BadRequestException e) {
            String dateProblem = e.getFieldErrors().get("dueDate");
            String reasonProblem = e.getFieldErrors().get("reason");
            String evidenceProblem = e.getFieldErrors().get("evidence");
            if (dateProblem != null) {
                return refused(redirect, id, action, typed, "dueDate", "the new due date " + dateProblem);
            }
            if (reasonProblem != null) {
                return refused(redirect, id, action, typed, "text", "the reason " + reasonProblem);
            }
            if (evidenceProblem != null) {
                return refused(redirect, id, action, typed, "text", "the evidence " + evidenceProblem);
            }
            redirect.addFlashAttribute("error", "Nothing changed: " + e.reasons());
            redirect.addFlashAttribute("typed", typed);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "Nothing changed: " + e.getMessage());
            redirect.addFlashAttribute("typed", typed);
        }
        return "redirect:/commitments/" + id;
    }

    /**
     * What a refused action's form sent, shown in it again so nobody types a reason twice (as the launch
     * and delegate forms keep theirs); {@code dueDate} as sent, even when it is no date.
     */
    record Typed(String action, String text, String dueDate) {}

    /**
     * Back to the page with the action's form showing {@code problem} at its field ({@code text} or
     * {@code dueDate}), and what was typed in it.
     */
    private static String refused(
            RedirectAttributes redirect, Long id, String action, Typed typed, String field, String problem) {
        redirect.addFlashAttribute("error", "Nothing changed: " + problem);
        redirect.addFlashAttribute("typed", typed);
        redirect.addFlashAttribute("dueDate".equals(field) ? "dateError" : "textError", problem);
        redirect.addFlashAttribute("failedAction", action);
        return "redirect:/commitments/" + id;
    }

    /**
     * The body held to the API's own constraints ({@code @Valid} there; called here as a method):
     * a date years away or a reason too long is refused at its field as the API would refuse it.
     */
    private <T> T valid(T body) {
        Map<String, String> problems = new LinkedHashMap<>();
        validator.validate(body).forEach(v -> problems.putIfAbsent(field(v), v.getMessage()));
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        return body;
    }

    private static String field(ConstraintViolation<?> v) {
        String field = "";
        for (Path.Node node : v.getPropertyPath()) {
            field = node.getName();
        }
        return field;
    }

    /** The date a form sent (yyyy-MM-dd), or null when it sent none or no date. */
    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final Map<String, String> TEXT_PROMPTS = Map.of(
            "deliver", "say how it was delivered (a link, a document, a date)",
            "reject", "say why delivery cannot take it on",
            "reopen", "say what the customer found missing",
            "cancel", "say why the promise is withdrawn",
            "breach", "say why the promise was not kept",
            "reschedule", "say why the date moves (as agreed with the customer)");

    private static final Map<String, String> DONE = Map.of(
            "accept", "accepted",
            "verify", "verified with the customer",
            "deliver", "delivered",
            "reject", "rejected",
            "reopen", "reopened",
            "cancel", "canceled",
            "breach", "recorded as broken",
            "reschedule", "due on its new date");

    /** The commitment's entries of its account's timeline: the same sentences, oldest first. */
    private List<TimelineItem> history(CommitmentView c) {
        String link = "/commitments/" + c.id();
        return timeline.of(c.accountId()).stream()
                .filter(item -> link.equals(item.link()))
                .toList()
                .reversed();
    }

    /**
     * The register's export for the signed-in session: the API's /api/commitments/export.csv takes only
     * HTTP Basic, so the page links here; same filters, same file (the API's own writer).
     */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    void export(RegisterParams params, HttpServletResponse response) throws IOException {
        api.export(params, response);
    }
}
