package dev.baton.task;

import dev.baton.shared.ConflictException;

/**
 * The task's process closed the step (a deadline or escalation fired, the work was reassigned, the
 * process was cancelled) before the person's answer reached the engine: the answer was not taken and
 * the task keeps none of it. Answered with 409; the pages show the message.
 */
public class TaskWithdrawn extends ConflictException {

    TaskWithdrawn(Task task) {
        super("\"" + task.getName() + "\" (task " + task.getId() + ") was closed by its process before your answer"
                + " arrived (a deadline passed, it was escalated or reassigned, or the process was canceled):"
                + " your answer did not reach the process, and the step is withdrawn from your inbox.");
    }
}
