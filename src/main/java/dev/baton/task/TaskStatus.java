package dev.baton.task;

/**
 * OPEN: in someone's inbox. COMPLETING: the person completed it and Baton owes the engine the job
 * completion (retried until the engine confirms). COMPLETED: the engine has it. CANCELED: the
 * engine no longer has the job (e.g. a boundary timer interrupted the step).
 */
public enum TaskStatus {
    OPEN,
    COMPLETING,
    COMPLETED,
    CANCELED
}
