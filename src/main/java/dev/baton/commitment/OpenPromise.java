package dev.baton.commitment;

import java.time.LocalDate;

/**
 * An open commitment as its customer was promised it ({@link CommitmentService#openPromisesOf}): what,
 * where it stands, and the due date (a calendar day, judged where its owner is).
 */
public record OpenPromise(String description, CommitmentStatus status, LocalDate dueDate) {}
