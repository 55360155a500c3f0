package dev.baton.task;

import java.util.Optional;

/**
 * A feature's say in who holds one of its steps while the step's assignee is away. A new task for
 * someone away goes to their absence's cover ({@code AbsenceService#coverFor}); a feature names someone
 * else for a step its cover must not hold: a handover note is never written by the account's successor
 * for himself, so when the departing person's cover is the successor, the note goes to the manager.
 * The rule is asked when a step arrives, when its assignee moves their steps to their cover, and when
 * the feature changes what the rule reads ({@link TaskAssignments#followCoverRule}: a handover amend).
 */
public interface TaskCoverRule {

    /**
     * Who holds {@code task} instead of {@code cover}.
     *
     * @param task the new task, not saved yet, still with its (absent) assignee
     * @param cover who covers for the assignee today
     * @return the person (user name) who holds it instead: the assignee themselves keeps it; empty when
     *     the cover may hold it (every step of a feature without a rule of its own)
     */
    Optional<String> insteadOfCover(Task task, String cover);
}
