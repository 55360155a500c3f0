package dev.baton.task.web;

import dev.baton.audit.AuditLog;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.task.InvalidFormValues;
import dev.baton.task.Task;
import dev.baton.task.TaskDetails;
import dev.baton.task.TaskFilter;
import dev.baton.task.TaskFormDefaults;
import dev.baton.task.TaskScope;
import dev.baton.task.TaskService;
import dev.baton.task.TaskStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The inbox pages: my tasks, and one task with its form. */
@Controller
@RequestMapping("/tasks")
class TaskPages {

    private final TaskService tasks;
    private final Clock clock;
    private final List<TaskFormDefaults> formDefaults;

    TaskPages(TaskService tasks, Clock clock, List<TaskFormDefaults> formDefaults) {
        this.formDefaults = formDefaults;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** My inbox (mine + my teams' unclaimed), what I delegated, or all I may see; filtered and sorted. */
    @GetMapping
    String inbox(
            @RequestParam(defaultValue = "inbox") String scope,
            @RequestParam(required = false) String playbook,
            @RequestParam(required = false) Long accountId,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "due") String sort,
            Model model) {
        TaskFilter filter =
                new TaskFilter(TaskListing.scope(scope), List.of(TaskStatus.OPEN), playbook, accountId, overdue);
        model.addAttribute("tasks", views(filter, sort));
        model.addAttribute("scope", scope);
        model.addAttribute("playbook", playbook);
        model.addAttribute("accountId", accountId);
        model.addAttribute("overdue", overdue);
        model.addAttribute("sort", sort);
        return "task/list";
    }

    /** Completed tasks I may see, latest first: who, when, outcome. */
    @GetMapping("/history")
    String history(Model model) {
        model.addAttribute(
                "tasks",
                views(TaskFilter.of(TaskScope.ALL_VISIBLE, TaskStatus.COMPLETED, TaskStatus.COMPLETING), "completed"));
        return "task/history";
    }

    private List<TaskView> views(TaskFilter filter, String sort) {
        return tasks.list(filter, TaskListing.page(sort, 0, TaskListing.MAX_PAGE_SIZE))
                .map(t -> TaskView.of(t, clock.instant()))
                .getContent();
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        TaskDetails details = tasks.details(id);
        return render(details, TaskFormDefaults.of(formDefaults, details.task()), Map.of(), model);
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

    /** HTML sends text, and nothing for an unchecked checkbox; the form definition converts and checks. */
    @PostMapping("/{id}/complete")
    String complete(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes flash) {
        Map<String, Object> submitted = new HashMap<>(params.toSingleValueMap());
        try {
            Task task = tasks.complete(id, submitted);
            flash.addFlashAttribute("message", "\"" + task.getName() + "\" is done.");
            return "redirect:/tasks";
        } catch (InvalidFormValues invalid) {
            model.addAttribute("error", "Please correct the marked fields; nothing was completed.");
            return render(tasks.details(id), submitted, invalid.getFieldErrors(), model);
        }
    }

    @ExceptionHandler({ConflictException.class, NotFoundException.class, BadRequestException.class})
    String refused(RuntimeException e, HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("error", e.getMessage());
        return "redirect:/tasks";
    }

    private String render(TaskDetails details, Map<String, ?> values, Map<String, String> errors, Model model) {
        Task task = details.task();
        model.addAttribute("task", TaskView.of(task, clock.instant()));
        model.addAttribute("account", details.account());
        model.addAttribute("subject", details.subject());
        model.addAttribute("details", details);
        model.addAttribute("fields", details.form().fields());
        model.addAttribute("values", values.isEmpty() && task.getOutcome() != null ? task.getOutcome() : values);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "mine", task.getAssignee() != null && task.getAssignee().equals(currentUser()));
        return "task/detail";
    }

    private static String currentUser() {
        return AuditLog.currentActor();
    }
}
