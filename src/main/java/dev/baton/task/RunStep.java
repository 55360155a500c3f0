package dev.baton.task;

import java.time.Instant;

/**
 * One step a run waits on a person for (an open task), as a list of runs shows it: what, on which account,
 * with whom, since when, due when.
 *
 * @param name the step's name from the model ("Review account health")
 * @param accountId the account the step is about, or null
 * @param assignee who holds it (user name), or null while it is offered to a team
 * @param candidateTeams the teams it is offered to while nobody holds it (keys, e.g. {@code customer-success})
 * @param since when the step arrived
 * @param dueAt when it is due, or null
 * @param late whether it is past due now
 */
public record RunStep(
        String name,
        Long accountId,
        String assignee,
        java.util.Set<String> candidateTeams,
        Instant since,
        Instant dueAt,
        boolean late) {}
