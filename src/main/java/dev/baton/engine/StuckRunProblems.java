package dev.baton.engine;

import java.time.Instant;
import java.util.List;

/**
 * Runs a feature started that the engine holds on an open incident, for the admins' problems page
 * ({@code /admin/problems}, {@code GET /api/admin/problems}) beside the steps Baton itself failed
 * ({@link JobProblems}): an incident the engine raised on its own (a failed expression, a missing
 * variable, an uncaught error) is in no table, so without this nobody who does not open the run
 * learns it is stuck. The playbook catalogue implements it for the runs it launched; incidents are
 * known in embedded mode only ({@link EngineIncidents}), so on a cluster it lists none.
 */
public interface StuckRunProblems {

    /**
     * One incident holding one run.
     *
     * @param runKey the process instance key of the run Baton started
     * @param playbook the run's playbook, by its name (its process id when it has none)
     * @param runPath the run's page in Baton, e.g. {@code /playbooks/instances/2251799813685473}
     * @param processInstanceKey the instance the incident stands in: the run's, or one it called
     * @param bpmnProcessId that instance's process id
     * @param elementName the element's name in the model, or null when it has none
     * @param errorType the engine's kind of error, e.g. EXTRACT_VALUE_ERROR, CONDITION_ERROR
     * @param message the engine's own words
     * @param explanation the same in plain words, with how to fix it, where Baton recognises the incident
     *     ({@link IncidentExplanations}); else null
     * @param since when the engine raised it
     */
    record StuckRun(
            long runKey,
            String playbook,
            String runPath,
            long processInstanceKey,
            String bpmnProcessId,
            String elementId,
            String elementName,
            String errorType,
            String message,
            String explanation,
            Instant since) {}

    /** The incidents holding running runs, newest first, of at most {@code limit} runs (the latest started). */
    List<StuckRun> stuckRuns(int limit);
}
