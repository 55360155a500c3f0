package dev.baton.task.web;

import dev.baton.account.AccountService;
import dev.baton.account.ContactView;
import dev.baton.account.TimelineItem;
import dev.baton.shared.PageResponse;
import dev.baton.shared.SingleLine;
import dev.baton.task.AccountCommitmentLines;
import dev.baton.task.FormDefinition;
import dev.baton.task.FormField;
import dev.baton.task.TaskAssignments;
import dev.baton.task.TaskDetails;
import dev.baton.task.TaskFilter;
import dev.baton.task.TaskFormDefaults;
import dev.baton.task.TaskService;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubjectSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox over HTTP. Every call sees only the caller's visible tasks; errors are problem details. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Human steps of running playbooks")
class TaskApi {

    private final TaskService tasks;
    private final TaskAssignments assignments;
    private final Clock clock;
    private final List<TaskFormDefaults> formDefaults;
    private final AccountService accounts;

    TaskApi(
            TaskService tasks,
            TaskAssignments assignments,
            Clock clock,
            List<TaskFormDefaults> formDefaults,
            AccountService accounts) {
        this.accounts = accounts;
        this.formDefaults = formDefaults;
        this.tasks = tasks;
        this.assignments = assignments;
        this.clock = clock;
    }

    record TaskDetailsView(
            TaskView task,
            List<FormField> formFields,
            Map<String, Object> formValues,
            Map<String, Object> outcome,
            TaskDetails.AccountRef account,
            TaskSubjectSource.Summary subject,
            List<TaskSubjectSource.Context> context,
            List<TimelineItem> timeline,
            List<ContactView> contacts,
            List<AccountCommitmentLines.Line> commitments,
            List<TaskDetails.HistoryEntry> history) {}

    record Delegation(@NotBlank @Size(max = 60) @SingleLine String to) {}

    record TaskAssignment(
            @NotBlank @Size(max = 200) @SingleLine String to) {}

    record TaskReassignment(
            // required: TaskAssignments says so at "from" in its words; the schema says so too (found by a probe)
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "user name of the person whose open tasks move")
            @Size(max = 60)
            @SingleLine
            String from,

            @NotBlank @Size(max = 60) @SingleLine String to,

            // "all" is the field left out, not an empty list: a client sending its user's empty selection
            // moved a whole inbox (probe 46); TaskAssignments refuses [] and a duplicate in its words
            @ArraySchema(
                    minItems = 1,
                    uniqueItems = true,
                    arraySchema =
                            @Schema(
                                    description =
                                            "ids of the open tasks of \"from\" to move, each once; leave the field"
                                                    + " out to move all of them (an empty list is refused)"))
            // each null named at its place (taskIds[0], taskIds[1]), as introOptOut's are: Jackson's
            // contentNulls FAIL stopped at the first (session 46's second probe)
            @Size(max = 1000)
            List<@NotNull Long> taskIds) {}

    @Operation(summary = "Tasks visible to me, filtered by playbook, account and overdue, sorted ascending")
    @GetMapping
    PageResponse<TaskView> list(
            @Parameter(
                            description =
                                    "mine, team, inbox (mine + my teams' unclaimed), delegated (by me), all-visible"
                                            + " (also my line's tasks for a manager; every task for an admin), or (admins) unassigned: open tasks"
                                            + " nobody holds or is offered")
                    @RequestParam(defaultValue = "all-visible")
                    String scope,
            @RequestParam(defaultValue = "OPEN") List<TaskStatus> status,
            @Parameter(description = "a playbook's BPMN process id") @RequestParam(required = false) String playbook,
            @Parameter(description = "an account's id; one that names no account is a 400")
                    @RequestParam(required = false)
                    Long accountId,
            @RequestParam(defaultValue = "false") boolean overdue,
            @Parameter(description = "due, followUp, created or completed") @RequestParam(defaultValue = "due")
                    String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        TaskFilter filter = new TaskFilter(TaskListing.scope(scope), status, playbook, accountId, overdue);
        accounts.requireExists(accountId, "accountId");
        return PageResponse.of(
                tasks.list(filter, TaskListing.page(sort, page, size)).map(t -> TaskView.of(t, clock.instant())));
    }

    @Operation(
            summary = "One task with its form and the form's data as its page shows it (formValues: the values the"
                    + " form reads, from the process or its input mappings, read-only fields' included, with a draft"
                    + " from the record over them, e.g. the handover note's; a completed task's outcome), what its"
                    + " subject's feature shows beside the form (context), its account's timeline, contacts and"
                    + " commitments, and its history")
    @GetMapping("/{id:-?\\d+}") // a whole number only: GET /reassign or /to-cover is a 405; -1 is "no task -1"
    TaskDetailsView get(@PathVariable long id) {
        TaskDetails d = tasks.details(id);
        Map<String, Object> data = TaskFormDefaults.formData(formDefaults, d.task());
        return new TaskDetailsView(
                TaskView.of(d.task(), clock.instant()),
                d.form().fields(FormDefinition.merge(d.task().getFormVariables(), data)),
                data,
                d.task().getOutcome(),
                d.account(),
                d.subject(),
                d.context(),
                d.timeline(),
                d.contacts(),
                d.commitments(),
                d.history());
    }

    @Operation(summary = "Claim a task offered to my team (409 if someone else has it)")
    @PostMapping("/{id}/claim")
    TaskView claim(@PathVariable long id) {
        return TaskView.of(tasks.claim(id), clock.instant());
    }

    @Operation(summary = "Give a task I claimed back to its team")
    @PostMapping("/{id}/unclaim")
    TaskView unclaim(@PathVariable long id) {
        return TaskView.of(tasks.unclaim(id), clock.instant());
    }

    @Operation(summary = "Hand a task of mine to an active colleague (400 for myself or an inactive person)")
    @PostMapping("/{id}/delegate")
    TaskView delegate(@PathVariable long id, @Valid @RequestBody Delegation delegation) {
        return TaskView.of(assignments.delegate(id, delegation.to()), clock.instant());
    }

    @Operation(
            summary = "Admins: give any open task (e.g. one in the unassigned queue) to an active person. A manager"
                    + " who answers for a team's step nobody has claimed (told when it is overdue): to one of its"
                    + " candidates")
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    TaskView assign(@PathVariable long id, @RequestBody TaskAssignment assignment) {
        return TaskView.of(assignments.assign(id, assignment.to()), clock.instant());
    }

    @Operation(
            summary = "Managers: move the given (or all) open tasks of someone in my line to another person",
            description = "taskIds names the tasks to move; leave it out to move all of them. An empty list is a"
                    + " 400 at taskIds, as is a task given twice. Each holder gets one mail listing the tasks"
                    + " moved (a move of one task: its own mails)")
    @PostMapping("/reassign")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    List<TaskView> reassign(@Valid @RequestBody TaskReassignment r) {
        return assignments.reassign(r.from(), r.to(), r.taskIds()).stream()
                .map(t -> TaskView.of(t, clock.instant()))
                .toList();
    }

    @Operation(summary = "Move all my open tasks to the person covering my current or next absence")
    @PostMapping("/to-cover")
    List<TaskView> toCover() {
        return assignments.handToCover().stream()
                .map(t -> TaskView.of(t, clock.instant()))
                .toList();
    }

    @Operation(
            summary = "Complete a task assigned to me with its form values (400 names each bad field)",
            description =
                    "Status COMPLETED when the playbook took it, COMPLETING when Baton will hand it over shortly.")
    @PostMapping("/{id}/complete")
    TaskView complete(@PathVariable long id, @RequestBody(required = false) Map<String, Object> values) {
        return TaskView.of(tasks.complete(id, values == null ? Map.of() : values), clock.instant());
    }
}
