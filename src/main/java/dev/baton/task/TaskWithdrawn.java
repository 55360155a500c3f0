package dev.baton.task;

import dev.baton.shared.ConflictException;

/** The playbook no longer waits for this task (interrupted or cancelled), so completing it had no effect. */
public class TaskWithdrawn extends ConflictException {

    TaskWithdrawn(Task task) {
        super(
                "task " + task.getId() + " (" + task.getName() + ") was withdrawn by its playbook before your"
                        + " completion reached it (the step was interrupted or the process cancelled); nothing more to do here");
    }
}
