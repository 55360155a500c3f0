package dev.baton.commitment;

import java.time.Instant;

/**
 * What the commitment process needs to route its next step: who acts and when timers fire. Names
 * only (user names, a team key), since tasks are assigned by name.
 *
 * @param madeByUsername who renegotiates a rejected commitment: the maker, or the owner once the commitment
 *     went with its account to a successor (a handover); never an inactive person
 * @param escalateToUsername the owner's manager; else the maker's manager; else the maker
 * @param dueAt the end of the due day where the owner is (the maker while nobody owns it): overdue from then
 * @param reminderAt the configured local hour, the configured days before the due day, where the owner is
 */
public record CommitmentStep(
        long commitmentId,
        long accountId,
        CommitmentStage stage,
        long version,
        String ownerUsername,
        String madeByUsername,
        String deliveringTeam,
        String verifyingTeam,
        String escalateToUsername,
        Instant dueAt,
        Instant reminderAt) {}
