package dev.baton.task;

import dev.baton.shared.ConflictException;

/** A task was asked to change in a way its current state does not allow. */
public class TaskConflict extends ConflictException {

    TaskConflict(Task task, String problem) {
        super("task " + task.getId() + " (" + task.getName() + ") " + problem);
    }
}
