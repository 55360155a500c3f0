package dev.baton.task;

import dev.baton.shared.ConflictException;
import java.util.Optional;

/**
 * The task's process closed the step (a deadline or escalation fired, the work was reassigned, the
 * process was cancelled) before the person's answer reached the engine: the process did not take the
 * answer, and the task keeps none of it; what the step's feature kept of it in Baton is said ({@link
 * TaskCompletionHandler#keptWhenWithdrawn}). Answered with 409; the pages show the message.
 */
public class TaskWithdrawn extends ConflictException {

    TaskWithdrawn(Task task, Optional<String> kept) {
        super("\"" + task.getName() + "\" (task " + task.getId() + ") was closed by its process before your answer"
                + " arrived (a deadline passed, it was escalated or reassigned, or the process was canceled):"
                + " your answer did not reach the process"
                + kept.map(k -> " (" + k + ")").orElse("")
                + ", and the step is withdrawn from your inbox.");
    }
}
