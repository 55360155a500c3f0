package dev.baton.task;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feature's starting values for a task's form, so a person edits a draft instead of starting from
 * nothing (e.g. the handover note drafted from the account's record). The task page fills the form
 * with them when it first opens, and {@code GET /api/tasks/{id}} returns them among the form's initial
 * values ({@link #formData}); what the person typed themselves always wins over them.
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

    /**
     * The form's data, as the task page hands it to the form and {@code GET /api/tasks/{id}} returns it
     * ({@code formValues}), computed here only: a completed task's outcome; otherwise the variables the
     * form reads (what input mappings set, the values of read-only and disabled fields) with the step's
     * draft from {@code features} laid over them. Empty when the step has neither.
     *
     * @param features every feature that drafts forms (Spring's list of them)
     * @param task the task, in any status
     */
    static Map<String, Object> formData(List<TaskFormDefaults> features, Task task) {
        return task.getOutcome() != null
                ? task.getOutcome()
                : FormDefinition.merge(task.getFormVariables(), of(features, task));
    }
}
