package dev.baton.task;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feature's starting values for a task's form, so a person edits a draft instead of starting from
 * nothing (e.g. the handover note drafted from the account's record). The task page fills the form
 * with them when it first opens, and {@code GET /api/tasks/{id}} returns them as the form's initial
 * values; what the person typed themselves always wins over them.
 */
public interface TaskFormDefaults {

    /** The form keys this feature drafts. */
    Set<String> formKeys();

    /** Field key → starting value for this open task's form; fields left out start empty. */
    Map<String, Object> defaults(Task task);

    /** The defaults for an open task from whichever feature drafts its form; empty when none does. */
    static Map<String, Object> of(List<TaskFormDefaults> features, Task task) {
        if (!task.isOpen() || task.getFormKey() == null) {
            return Map.of();
        }
        return features.stream()
                .filter(f -> f.formKeys().contains(task.getFormKey()))
                .findFirst()
                .map(f -> f.defaults(task))
                .orElse(Map.of());
    }
}
