package dev.baton.commitment;

import java.time.LocalDate;

/**
 * A person's decision on a commitment task, as the task's form sent it. Which fields count depends on
 * {@code decision}; a missing one is a 400 naming the field.
 */
public record CommitmentDecision(
    String decision, String reason, String evidence, LocalDate newDueDate, String newDescription,
    String newOwnerUsername) {}
