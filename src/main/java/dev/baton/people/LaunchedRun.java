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
 */
public record LaunchedRun(
        long processInstanceKey,
        String processId,
        String playbook,
        int version,
        Long accountId,
        String accountName,
        Instant startedAt) {}
