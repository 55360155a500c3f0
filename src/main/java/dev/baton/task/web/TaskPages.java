package dev.baton.task.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.account.AccountService;
import dev.baton.audit.AuditLog;
import dev.baton.people.FullNames;
import dev.baton.people.PeopleLookup;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.task.FormDefinition;
import dev.baton.task.FormField;
import dev.baton.task.InvalidFormValues;
import dev.baton.task.Task;
import dev.baton.task.TaskAssignments;
import dev.baton.task.TaskCompletionHandler;
import dev.baton.task.TaskDetails;
import dev.baton.task.TaskFilter;
import dev.baton.task.TaskFormDefaults;
import dev.baton.task.TaskInbox;
import dev.baton.task.TaskRunLinks;
import dev.baton.task.TaskScope;
import dev.baton.task.TaskService;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskTopic;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The inbox pages: my tasks, and one task with its form. */
@Controller
@RequestMapping("/tasks")
class TaskPages {

    /** The "Save and next" button's name: not a form field. */
    static final String NEXT = "_next";

    private final TaskService tasks;
    private final TaskInbox inbox;
    private final Clock clock;
    private final List<TaskFormDefaults> formDefaults;
    private final ObjectMapper json;
    private final AccountService accounts;
    private final PeopleLookup people;

    private final ObjectProvider<TaskRunLinks> runLinks;
    private final TaskAssignments assignments;

    TaskPages(
            TaskService tasks,
            TaskInbox inbox,
            Clock clock,
            List<TaskFormDefaults> formDefaults,
            ObjectMapper json,
            AccountService accounts,
            PeopleLookup people,
            ObjectProvider<TaskRunLinks> runLinks,
            TaskAssignments assignments) {
        this.assignments = assignments;
        this.runLinks = runLinks;
        this.accounts = accounts;
        this.people = people;
        this.inbox = inbox;
        this.formDefaults = formDefaults;
        this.json = json;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * My inbox (mine + my teams' unclaimed), what I delegated, or all I may see; filtered, sorted, and
     * grouped by account or by subject (group = none, account, subject). {@code account} is an
     * account's name as typed (the list offers the accounts of the tasks in view); several matches
     * are offered to choose from. An {@code accountId} that names no account is a 400 page saying so.
     */
    @GetMapping
    String inbox(
            @RequestParam(defaultValue = "inbox") String scope,
            @RequestParam(required = false) String playbook,
            @RequestParam(required = false) Long accountId,
            @RequestParam(required = false) String account,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "due") String sort,
            @RequestParam(defaultValue = "none") String group,
            @RequestParam(required = false) List<String> status,
            Model model) {
        TaskScope taskScope = TaskListing.scope(scope);
        requireOpenOnly(status);
        accounts.requireExists(accountId, "accountId"); // as the API: a stale link is told, not an empty inbox
        String playbookId = playbook == null || playbook.isBlank() ? null : playbook;
        List<Task> inView =
                list(new TaskFilter(taskScope, List.of(TaskStatus.OPEN), playbookId, accountId, overdue), sort);
        Map<Long, TaskTopic> topics = inbox.topics(inView);
        List<InboxRows.AccountOption> accounts = InboxRows.accounts(inView, topics);
        List<InboxRows.AccountOption> matching = accountId == null ? InboxRows.matching(accounts, account) : null;
        if (matching != null && matching.size() == 1) {
            accountId = matching.getFirst().id();
            inView = list(new TaskFilter(taskScope, List.of(TaskStatus.OPEN), playbookId, accountId, overdue), sort);
        } else if (matching != null) {
            Set<Long> ids = matching.stream().map(InboxRows.AccountOption::id).collect(Collectors.toSet());
            inView = inView.stream().filter(t -> ids.contains(t.getAccountId())).toList();
            model.addAttribute("accountChoices", matching);
        }
        List<InboxRows.Row> rows = inView.stream()
                .map(t -> new InboxRows.Row(TaskView.of(t, clock.instant()), topics.get(t.getId())))
                .toList();
        model.addAttribute("groups", InboxRows.group(rows, group));
        model.addAttribute(
                "names",
                people.fullNames(rows.stream().flatMap(r -> r.task().people()).toList()));
        model.addAttribute("empty", rows.isEmpty());
        model.addAttribute("playbooks", inbox.playbooks());
        model.addAttribute("accounts", accounts);
        model.addAttribute("scope", scope);
        model.addAttribute("playbook", playbookId);
        model.addAttribute("accountId", accountId);
        model.addAttribute("account", accountId == null ? account : InboxRows.name(accounts, accountId, account));
        model.addAttribute("overdue", overdue);
        model.addAttribute("sort", sort);
        model.addAttribute("group", group);
        model.addAttribute("filtered", playbookId != null || accountId != null || overdue || InboxRows.typed(account));
        model.addAttribute("claimRefusal", tasks.whyNoNewClaims().orElse(null));
        return "task/list";
    }

    /**
     * The page lists open tasks only; a {@code status} (the API's filter, e.g. from an edited link) other than
     * OPEN comes back to the inbox with a message saying so ({@link #refused}), as a bad {@code sort} does: probe 46's {@code /tasks?status=NOPE} showed the
     * open tasks without a word while the API refused it.
     */
    private static void requireOpenOnly(List<String> status) {
        if (status != null
                && status.stream().anyMatch(s -> !TaskStatus.OPEN.name().equalsIgnoreCase(s.strip()))) {
            throw new BadRequestException(
                    "status",
                    "must be OPEN or left out: this page lists open tasks; those you completed are under History"
                            + " (/tasks/history), and GET /api/tasks?status=... lists the others");
        }
    }

    /** The tasks I completed myself, latest first: when, and the outcome. */
    @GetMapping("/history")
    String history(Model model) {
        List<Task> done =
                list(TaskFilter.of(TaskScope.MINE, TaskStatus.COMPLETED, TaskStatus.COMPLETING), "completed").stream()
                        .filter(t -> currentUser().equals(t.getCompletedBy()))
                        .toList();
        Map<Long, TaskTopic> topics = inbox.topics(done);
        model.addAttribute(
                "tasks",
                done.stream()
                        .map(t -> new InboxRows.Row(TaskView.of(t, clock.instant()), topics.get(t.getId())))
                        .toList());
        return "task/history";
    }

    private List<Task> list(TaskFilter filter, String sort) {
        return tasks.list(filter, TaskListing.page(sort, 0, TaskListing.MAX_PAGE_SIZE))
                .getContent();
    }

    /** After a refused completion (redirected here) the form shows what was sent, with the messages. */
    @GetMapping("/{id:\\d+}") // digits only: GET /reassign or /to-cover is a 405, not "id: must be a whole number"
    @SuppressWarnings("unchecked")
    String detail(@PathVariable long id, Model model) {
        TaskDetails details = tasks.details(id);
        Map<String, String> errors = (Map<String, String>) model.getAttribute("fieldErrors");
        Map<String, Object> data = TaskFormDefaults.formData(formDefaults, details.task());
        if (errors != null) {
            // what was sent, over what the form reads (a select's choices): the form looks as it did
            Map<String, Object> submitted = (Map<String, Object>) model.getAttribute("submitted");
            return render(details, FormDefinition.merge(data, submitted), errors, model);
        }
        return render(details, data, Map.of(), model);
    }

    @PostMapping("/{id}/claim")
    String claim(@PathVariable long id, RedirectAttributes flash) {
        Task task = tasks.claim(id);
        flash.addFlashAttribute("message", "You claimed \"" + task.getName() + "\".");
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/{id}/unclaim")
    String unclaim(@PathVariable long id, RedirectAttributes flash) {
        Task task = tasks.unclaim(id);
        flash.addFlashAttribute("message", "\"" + task.getName() + "\" is back with its team.");
        return "redirect:/tasks";
    }

    /**
     * HTML sends text (names are value paths, a checklist's boxes the same name each), and nothing for
     * an unchecked checkbox; the form definition converts and checks. Every answer redirects (a reload never sends the form again): to the inbox, offering the next
     * task of the same kind, or (the "Save and next" button, {@value #NEXT}) straight to it; a refusal
     * back to the task with what was sent and the messages at their fields.
     */
    @PostMapping("/{id}/complete")
    String complete(
            @PathVariable long id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes flash) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>(params);
        boolean andNext = fields.remove(NEXT) != null;
        fields.remove("_csrf");
        Map<String, Object> submitted = FormDefinition.fromHtml(fields);
        try {
            Task task = tasks.complete(id, submitted);
            flash.addFlashAttribute("message", "\"" + task.getName() + "\" is done.");
            Optional<TaskInbox.Next> next = inbox.nextOfKind(task);
            if (andNext && next.isPresent()) {
                return "redirect:/tasks/" + next.get().task().getId();
            }
            next.ifPresent(n -> flash.addFlashAttribute("next", InboxRows.NextOffer.of(n)));
            return "redirect:/tasks";
        } catch (InvalidFormValues invalid) {
            flash.addFlashAttribute("error", "Please correct the marked fields; nothing was completed.");
            flash.addFlashAttribute("submitted", submitted);
            flash.addFlashAttribute("fieldErrors", invalid.getFieldErrors());
            return "redirect:/tasks/" + id;
        } catch (AccessDeniedException notYours) {
            // "claim task 67 first": on the task page, beside its Claim button (a probe got the API's JSON 403)
            flash.addFlashAttribute("error", "Nothing was completed: " + notYours.getMessage() + ".");
            return "redirect:/tasks/" + id;
        }
    }

    /**
     * form-js's data, as JSON, from the task page's script (signed in with the page's session and its
     * CSRF token): 200 with where to go next, or a problem detail whose {@code errors} name each
     * refused field by its value path; nothing is completed then.
     */
    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> completeFromScript(
            @PathVariable long id,
            @RequestBody Map<String, Object> values,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            Task task = tasks.complete(id, values);
            var flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("message", "\"" + task.getName() + "\" is done.");
            inbox.nextOfKind(task).ifPresent(n -> flash.put("next", InboxRows.NextOffer.of(n)));
            RequestContextUtils.saveOutputFlashMap("/tasks", request, response);
            return ResponseEntity.ok(Map.of("location", "/tasks"));
        } catch (InvalidFormValues invalid) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "Please correct the marked fields; nothing was completed.");
            problem.setTitle("Invalid form values");
            problem.setProperty("errors", invalid.getFieldErrors());
            return ResponseEntity.badRequest().body(problem);
        } catch (BadRequestException | ConflictException | NotFoundException | AccessDeniedException e) {
            // answered here: the page's handler below would redirect the script
            HttpStatus status = e instanceof ConflictException
                    ? HttpStatus.CONFLICT
                    : e instanceof NotFoundException
                            ? HttpStatus.NOT_FOUND
                            : e instanceof AccessDeniedException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
            return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
        }
    }

    /**
     * A page's post refused: back to the inbox with why, as a page (never the API's JSON, which a form
     * post got for a 403). A page opened (GET) that may not be seen stays the 403 error page.
     */
    @ExceptionHandler({
        ConflictException.class,
        NotFoundException.class,
        BadRequestException.class,
        AccessDeniedException.class
    })
    String refused(RuntimeException e, HttpServletRequest request) {
        if (e instanceof AccessDeniedException denied && HttpMethod.GET.matches(request.getMethod())) {
            throw denied;
        }
        if (e instanceof BadRequestException unknown
                && HttpMethod.GET.matches(request.getMethod())
                && unknown.getFieldErrors().containsKey("accountId")) {
            // the list's account filter names no account: the 400 page saying so, as /people?team=999
            // answers (a redirect to /tasks would drop the link's other filters and look like success)
            throw unknown;
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", e.getMessage());
        return "redirect:/tasks";
    }

    /**
     * The fields of Baton's forms that name a new owner of work, refused unless {@link
     * dev.baton.people.PeopleService#newOwner} accepts them: a commitment's (Assign owner, the overdue
     * decision's reassign) and the customer success owner of a sales-to-CS kickoff.
     */
    private static final Set<String> NEW_OWNER_FIELDS = Set.of("newOwnerUsername", "csOwnerUsername");

    /** The form-js form's schema and data, as JSON for the page's script. */
    record FormJs(String schema, String data) {}

    /**
     * @param data the form's data: the variables the form reads with the step's draft over them, or
     *     what was just submitted, or the outcome of a completed task
     */
    private String render(TaskDetails details, Map<String, Object> data, Map<String, String> errors, Model model) {
        Task task = details.task();
        FormDefinition form = details.form();
        boolean mine = task.getAssignee() != null && task.getAssignee().equals(currentUser());
        if (task.getAssignee() == null) {
            model.addAttribute("claimRefusal", tasks.whyNoNewClaims().orElse(null));
            model.addAttribute("mayClaim", tasks.mayClaim(task));
            // a manager who answers for a team's step nobody has claimed reads it, and may give it to a candidate
            model.addAttribute("candidatesToAssign", assignments.candidatesToAssign(task));
        }
        Map<String, Object> formData = FormDefinition.merge(task.getFormVariables(), data);
        List<FormField> fields = form.fields(formData);
        Map<String, Object> values = new HashMap<>();
        Map<String, List<String>> picked = new HashMap<>();
        for (FormField f : fields) {
            Object value = FormDefinition.valueAt(data, f.key());
            List<?> all = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
            values.put(f.key(), value instanceof List<?> ? null : value);
            picked.put(f.key(), all.stream().map(String::valueOf).toList());
        }
        TaskView view = TaskView.of(task, clock.instant());
        FullNames names = people.fullNames(Stream.concat(view.people(), TaskHistoryLines.people(details.history()))
                .toList());
        model.addAttribute("task", view);
        model.addAttribute("names", names);
        model.addAttribute("history", TaskHistoryLines.of(details.history(), names));
        model.addAttribute(
                "origin",
                TaskHistoryLines.origin(
                        task.getAssignee(),
                        task.getOriginalAssignee(),
                        task.getDelegatedBy(),
                        details.history(),
                        names));
        model.addAttribute("account", details.account());
        model.addAttribute("subject", details.subject());
        // the run's page, launched or started by the engine (session 42's probe: a timer-started run's task linked
        // none)
        model.addAttribute(
                "runPath",
                runLinks.orderedStream()
                        .map(l -> l.runPath(task.getProcessInstanceKey()))
                        .flatMap(java.util.Optional::stream)
                        .findFirst()
                        .orElse(null));
        model.addAttribute("details", details);
        model.addAttribute("fields", fields);
        model.addAttribute("values", values);
        model.addAttribute("picked", picked);
        model.addAttribute("errors", errors);
        // refused keys the form shows no input for (a hand-made post's "healthScore.x"): listed, not lost
        Set<String> shown = fields.stream().map(FormField::key).collect(Collectors.toSet());
        Map<String, String> otherErrors = new LinkedHashMap<>(errors);
        otherErrors.keySet().removeAll(shown);
        model.addAttribute("otherErrors", otherErrors);
        model.addAttribute("mine", mine);
        // a field naming a new owner offers, as the person types, only those the answer may name (the server
        // still checks): the type-ahead's "owner" purpose, whom PeopleService#newOwner accepts, or, where the
        // answer also judges whom the person answering may give the work to (a commitment's step), "assign"
        // with the work's delivering team, as that answer judges (session 43's probe: it offered anyone)
        List<String> ownerFields = fields.stream()
                .map(FormField::key)
                .filter(NEW_OWNER_FIELDS::contains)
                .toList();
        model.addAttribute("ownerFields", ownerFields);
        Map<String, TaskCompletionHandler.GivenWork> givenWork = new HashMap<>();
        ownerFields.forEach(k -> tasks.givenWork(task, k).ifPresent(w -> givenWork.put(k, w)));
        model.addAttribute("givenWork", givenWork);
        // a contact's id means something only to a form that asks for one (stewardship's "who takes over")
        model.addAttribute(
                "asksContactId", fields.stream().anyMatch(f -> f.key().endsWith("ContactId")));
        model.addAttribute("formProblems", task.isOpen() ? form.problems() : List.of());
        // Modeler's forms (linked by form id or embedded) are drawn by form-js; Baton's own keep the server's
        boolean formJs = mine
                && task.isOpen()
                && task.getFormSchema() != null
                && form.problems().isEmpty();
        // labels as the server-rendered form shows them where FEEL gives nothing (the key, not "{{⚠}}")
        model.addAttribute("formJs", formJs ? new FormJs(form.schema(formData), json(data)) : null);
        model.addAttribute(
                "next",
                mine && task.isOpen()
                        ? inbox.nextOfKind(task).map(InboxRows.NextOffer::of).orElse(null)
                        : null);
        model.addAttribute("topic", inbox.topics(List.of(task)).get(task.getId()));
        return "task/detail";
    }

    private String json(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form data cannot be written as JSON", e);
        }
    }

    private static String currentUser() {
        return AuditLog.currentActor();
    }
}
