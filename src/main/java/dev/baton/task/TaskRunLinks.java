package dev.baton.task;

import java.util.Optional;

/**
 * Implemented by a feature that has a page for the run a task belongs to (the playbook catalogue's
 * {@code /playbooks/instances/{key}}), so that the task page links its run without the task module
 * reading that feature's tables.
 */
public interface TaskRunLinks {

    /**
     * The page of the run whose process instance the task is in, relative to the app.
     *
     * @param processInstanceKey the task's process instance key
     * @return e.g. {@code /playbooks/instances/2251799813685473}; empty when this feature has no page for it
     */
    Optional<String> runPath(long processInstanceKey);
}
