package dev.baton.handover;

import java.time.Instant;
import java.util.List;

/** What a handover needs from the process engine; {@code dev.baton.handover.engine.HandoverLauncher} implements it. */
public interface HandoverProcess {

    /**
     * Starts the rep handover for the given items. Safe to call again for the same handover: while
     * its process runs, a second start is dropped by the engine. The process reports its instance
     * back through {@link HandoverService#started}.
     *
     * @param effectiveAt the start of the effective date where the departing person is: with no item
     *     (a book of commitments and tasks only), the orphan check waits for it
     * @param leaveEndsAt for a leave of absence, when the ownership question comes back; else null
     */
    void start(
            long handoverId,
            List<Long> itemIds,
            String manager,
            String departing,
            Instant effectiveAt,
            Instant leaveEndsAt);

    /**
     * Cancels the rep handover's process instance and with it every account's (their call
     * activities); their open user tasks' jobs are gone then. An instance the engine no longer has
     * (ended, or cancelled before) is no error.
     *
     * @throws RuntimeException when the engine does not answer (nothing is known to have changed)
     */
    void cancel(long processInstanceKey);

    /**
     * Starts an account's transfer step that failed for good again: the step's element instance,
     * held by its incident, is ended (which resolves the incident) and the step started anew in the
     * same account-handover instance, in one engine command. The problem listed for admins stays
     * open until the step gets through (a restart that fails again for the same cause counts on it).
     * Call it outside a transaction that the restarted step must see committed.
     *
     * @return false when the engine no longer holds the step there (the instance ended or was
     *     cancelled, or the incident was resolved in the engine meanwhile): nothing was started
     * @throws RuntimeException when the engine does not answer (nothing is known to have changed)
     */
    boolean restartTransfer(StuckTransfer stuck);
}
