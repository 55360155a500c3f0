package dev.baton.commitment;

import java.time.Instant;

/**
 * What the commitment process needs to route its next step: who acts and when timers fire. Names
 * only (user names, a team key), since tasks are assigned by name.
 *
 * @param madeByUsername who renegotiates a rejected commitment: whoever speaks for it to the customer, the
 *     maker while they can, else whoever holds the account now ({@link RelationshipHolder}; the name is kept
 *     for the process variable running instances read); worked out at the renegotiate stage only, the
 *     maker's user name at the others (no other step reads it)
 * @param escalateToUsername the owner's manager; else the maker's manager; else the maker
 * @param dueAt the end of the due day where the owner is, in the company's zone while nobody owns it ({@link
 *     CommitmentService#dueZone}, the register's rule): overdue from then; also the due time of every step
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
