package dev.baton.task.web;

import dev.baton.task.FormField;
import dev.baton.task.TaskDetails;
import dev.baton.task.TaskService;
import dev.baton.task.TaskStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import dev.baton.shared.PageResponse;
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
  private final Clock clock;

  TaskApi(TaskService tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  record TaskDetailsView(
      TaskView task, List<FormField> formFields, Map<String, Object> outcome,
      TaskDetails.AccountRef account, TaskDetails.CommitmentRef commitment) {}

  @Operation(summary = "Tasks visible to me: mine, my teams', and (managers) my direct reports'")
  @GetMapping
  PageResponse<TaskView> list(
      @Parameter(description = "mine, team or all-visible") @RequestParam(defaultValue = "all-visible") String scope,
      @RequestParam(defaultValue = "OPEN") List<TaskStatus> status,
      @Parameter(description = "due, followUp or created") @RequestParam(defaultValue = "due") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return PageResponse.of(tasks.list(TaskListing.scope(scope), status, TaskListing.page(sort, page, size))
        .map(t -> TaskView.of(t, clock.instant())));
  }

  @Operation(summary = "One task with its form fields and business context (account, commitment)")
  @GetMapping("/{id}")
  TaskDetailsView get(@PathVariable long id) {
    TaskDetails d = tasks.details(id);
    return new TaskDetailsView(TaskView.of(d.task(), clock.instant()), d.form().fields(), d.task().getOutcome(),
        d.account(), d.commitment());
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

  @Operation(summary = "Complete a task assigned to me with its form values (400 names each bad field)",
      description = "Status COMPLETED when the playbook took it, COMPLETING when Baton will hand it over shortly.")
  @PostMapping("/{id}/complete")
  TaskView complete(@PathVariable long id, @RequestBody(required = false) Map<String, Object> values) {
    return TaskView.of(tasks.complete(id, values == null ? Map.of() : values), clock.instant());
  }
}
