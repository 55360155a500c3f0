package dev.baton.engine;

import java.util.Map;

/**
 * Published (synchronously, in the starting thread) each time Baton starts a process instance
 * through {@link ProcessInstances}.
 *
 * @param variables the variables it was started with
 */
public record ProcessInstanceStarted(
        long processInstanceKey, String processId, int version, long definitionKey, Map<String, Object> variables) {}
