package dev.baton.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The engine's open incidents on a playbook run: what holds an instance at an element until someone
 * fixes the cause and resolves the incident in the engine (a timer or gateway expression that fails
 * at run time, an input or output mapping error, a call to a process that is not deployed, a job
 * failed with no retries left). Only the in-process engine of embedded mode can be asked (its record
 * log): the gRPC API has no incident query. So the bean exists in embedded mode only; take it as
 * optional ({@code ObjectProvider}) and say "not known" without it.
 */
public interface EngineIncidents {

    /**
     * One open incident, as the engine raised it.
     *
     * @param processInstanceKey the instance it stands in: the run's, or one the run called
     * @param errorType the engine's kind of error, e.g. EXTRACT_VALUE_ERROR, CONDITION_ERROR, JOB_NO_RETRIES
     * @param message the engine's message, e.g. which expression failed and why
     * @param raisedAt when the engine raised it (its own clock)
     */
    record Incident(
            long incidentKey,
            long processInstanceKey,
            String bpmnProcessId,
            long processDefinitionKey,
            String elementId,
            String errorType,
            String message,
            Instant raisedAt) {}

    /**
     * The incidents still open on the instance and on every instance it called, directly or further
     * down, oldest first; empty when there are none or the instance is unknown to the engine.
     */
    List<Incident> open(long processInstanceKey);

    /**
     * Every instance an open incident holds, in it or in an instance it called (directly or further
     * down), with those incidents, oldest first; instances with none are left out. One read of the
     * records written since the last query: its cost grows with the open incidents, not with all the
     * instances ever started, so a list of runs asks this once, not once per run.
     */
    Map<Long, List<Incident>> openByInstance();
}
