package dev.baton.engine;

import java.time.Instant;
import java.util.List;

/**
 * The process instances the engine started, however they started: Baton's own start command, a timer
 * or signal start event, a call activity. Only the in-process engine of embedded mode can tell (its
 * record log; the gRPC API has no query), so the bean exists in embedded mode only; take it as optional
 * ({@code ObjectProvider}). Session 42's probe: the runs a playbook's timer start event started were
 * in the team's inbox but nowhere in the catalogue, and could not be canceled.
 */
public interface EngineStarts {

    /**
     * One instance as the engine started it.
     *
     * @param startEventType how its process's start event was triggered, in the engine's words: {@code
     *     TIMER}, {@code SIGNAL}, {@code MESSAGE}, or {@code NONE} (a plain start: a create command, a call)
     * @param calledBy the instance whose call activity started it, or null when it was started on its own
     * @param at when the engine started it (the engine's clock)
     */
    record Start(
            long processInstanceKey,
            String processId,
            int version,
            long definitionKey,
            String startEventType,
            Long calledBy,
            Instant at) {}

    /**
     * The instances started since the last call (the first call: all the engine still has in its
     * log), in the order they started. Meant for one reader: each start is handed out once.
     */
    List<Start> newStarts();
}
