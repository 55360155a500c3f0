package dev.baton.people;

import java.time.Instant;

/**
 * A playbook run someone launched from the catalogue that is still running and may come to a
 * building block ({@code baton.*}): every block acts with its launcher's rights, so once the launcher
 * has left (is deactivated) the run stops there with an incident. Its page is {@code
 * /playbooks/instances/{processInstanceKey}} ({@code GET /api/playbooks/instances/{processInstanceKey}}).
 *
 * @param processId the playbook's process id ({@code /playbooks/{processId}})
 * @param playbook the playbook's name, or its process id when it has none
 * @param version the playbook version the run is on
 * @param accountId the account it was launched on, or null for none
 * @param accountName that account's name, or null without one (or when it is gone)
 * @param startedAt when it was launched
 * @param state {@link State#RUNNING} when the engine said it still runs; {@link State#UNKNOWN} when
 *     the engine did not answer: Baton recorded it as running and cannot tell whether it still is
 * @param reason null when running; for an unknown state, why, in words
 */
public record LaunchedRun(
        long processInstanceKey,
        String processId,
        String playbook,
        int version,
        Long accountId,
        String accountName,
        Instant startedAt,
        State state,
        String reason) {

    /** What Baton knows of a run it recorded as running. */
    public enum State {
        /** The engine says it still runs. */
        RUNNING,
        /** The engine did not answer: it may still run (and stop at its next block) or have ended. */
        UNKNOWN
    }

    /** Whether the engine could not be asked about the run ({@link State#UNKNOWN}). */
    public boolean unchecked() {
        return state == State.UNKNOWN;
    }
}
