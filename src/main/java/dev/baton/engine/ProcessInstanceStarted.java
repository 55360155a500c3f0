package dev.baton.engine;

import java.time.Instant;
import java.util.Map;

/**
 * Published (synchronously, in the starting thread) each time Baton starts a process instance
 * through {@link ProcessInstances}.
 *
 * @param requestedAt when Baton asked the engine to start it: before any of its steps (or those of the
 *     playbooks it calls) can reach Baton, which the moment the event is published is not (a run's cancel
 *     looks for the called playbooks' steps that arrived since its start: session 44's suite saw a called
 *     step arrive before the run was recorded, and stay open)
 * @param variables the variables it was started with
 */
public record ProcessInstanceStarted(
        long processInstanceKey,
        String processId,
        int version,
        long definitionKey,
        Instant requestedAt,
        Map<String, Object> variables) {}
