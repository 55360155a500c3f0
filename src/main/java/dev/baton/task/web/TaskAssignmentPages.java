package dev.baton.task.web;

import dev.baton.people.PeopleLookup;
import dev.baton.shared.BadRequestException;
import dev.baton.task.Task;
import dev.baton.task.TaskAssignments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handing tasks on from the pages: delegate one, move a report's tasks (managers), move mine to my
 * cover. A refusal is shown on the page it came from and changes nothing. The messages name people by
 * full name, as the task mails do ({@link PeopleLookup#fullName}).
 */
@Controller
@RequestMapping("/tasks")
class TaskAssignmentPages {

    private final TaskAssignments assignments;
    private final PeopleLookup people;

    TaskAssignmentPages(TaskAssignments assignments, PeopleLookup people) {
        this.assignments = assignments;
        this.people = people;
    }

    @PostMapping("/{id}/delegate")
    String delegate(@PathVariable long id, @RequestParam(defaultValue = "") String to, RedirectAttributes flash) {
        try {
            Task task = assignments.delegate(id, to);
            flash.addFlashAttribute("message", nowWith(task));
            return "redirect:/tasks";
        } catch (BadRequestException bad) {
            flash.addFlashAttribute("error", "Not delegated: see the message at the field.");
            flash.addFlashAttribute("delegateError", bad.getFieldErrors().getOrDefault("to", bad.getMessage()));
            flash.addFlashAttribute("delegateTo", to);
            return "redirect:/tasks/" + id + "#delegate";
        }
    }

    /**
     * Admins: any open task to an active person (the unassigned queue's way out). A manager who answers for a
     * team's step nobody has claimed: to one of its candidates; then back to the inbox, as the step they
     * assigned is no longer theirs to answer for (nor, outside their line, to open).
     */
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String assign(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String to,
            Authentication auth,
            RedirectAttributes flash) {
        try {
            Task task = assignments.assign(id, to);
            flash.addFlashAttribute("message", nowWith(task));
            if (auth.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
                return "redirect:/tasks";
            }
        } catch (BadRequestException bad) {
            flash.addFlashAttribute("error", "Not assigned: " + bad.reasons());
        }
        return "redirect:/tasks/" + id;
    }

    /** All of a person's open tasks, or those ticked on the inbox page. */
    @PostMapping("/reassign")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    String reassign(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(required = false) List<Long> taskIds,
            RedirectAttributes flash) {
        try {
            List<Task> moved = assignments.reassign(from, to, taskIds);
            String successor = moved.isEmpty() ? to : moved.getFirst().getAssignee();
            flash.addFlashAttribute(
                    "message",
                    moved.size() + " open task(s) of " + people.fullName(from) + " moved to "
                            + people.fullName(successor) + ".");
        } catch (BadRequestException bad) {
            flash.addFlashAttribute("error", "Nothing moved: " + bad.reasons());
        }
        return "redirect:/tasks?scope=all-visible";
    }

    @PostMapping("/to-cover")
    String toCover(RedirectAttributes flash) {
        try {
            List<Task> moved = assignments.handToCover();
            flash.addFlashAttribute("message", movedToCover(moved));
        } catch (BadRequestException bad) {
            flash.addFlashAttribute("error", "Nothing moved: " + bad.reasons());
        }
        return "redirect:/absences";
    }

    /**
     * "3 open task(s) moved to Rob Jansen.", or by holder when a step went elsewhere: "4 open task(s) moved: 3 to
     * Rob Jansen, 1 to Maria Rossi. A step ..." (session 46: the one sent to the manager was said to be with
     * the cover).
     */
    private String movedToCover(List<Task> moved) {
        if (moved.isEmpty()) {
            return "You have no open tasks to move.";
        }
        Map<String, Long> byHolder = moved.stream()
                .collect(Collectors.groupingBy(Task::getAssignee, LinkedHashMap::new, Collectors.counting()));
        if (byHolder.size() == 1) {
            return moved.size() + " open task(s) moved to "
                    + people.fullName(moved.getFirst().getAssignee()) + ".";
        }
        return moved.size() + " open task(s) moved: "
                + byHolder.entrySet().stream()
                        .map(e -> e.getValue() + " to " + people.fullName(e.getKey()))
                        .collect(Collectors.joining(", "))
                + ". A step the person covering for you may not hold goes to whom its playbook names instead"
                + " (a handover note or question of an account they take over: the manager who launched the"
                + " handover).";
    }

    /** "\"Review Acme\" is now with Rita Okafor.": the task and its new assignee by full name. */
    private String nowWith(Task task) {
        return "\"" + task.getName() + "\" is now with " + people.fullName(task.getAssignee()) + ".";
    }
}
