package dev.baton.playbook;

import dev.baton.engine.EngineIncidents;
import dev.baton.engine.EngineIncidents.Incident;
import dev.baton.engine.IncidentExplanations;
import dev.baton.engine.ProcessModels;
import dev.baton.playbook.PlaybookCatalogue.StuckAt;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.SqlArrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The playbook runs Baton started that the engine holds on an open incident (in the run or in a
 * process it called): what holds each, how many per playbook, which ones. Incidents are known only
 * in embedded mode ({@link EngineIncidents} reads the in-process engine's record log; the gRPC API
 * has no incident query), so on a cluster every answer here says "not known" ({@link #known} false, an
 * empty or null answer as each method says) rather than "none". Each answer reads the open incidents once and asks
 * the database once: its cost grows with the open incidents, not with the runs listed or ever started.
 */
@Service
public class StuckRuns {

    private final EngineIncidents incidents;
    private final ProcessModels models;
    private final PlaybookInstances instances;
    private final IncidentExplanations explanations;

    StuckRuns(
            ObjectProvider<EngineIncidents> incidents,
            ProcessModels models,
            PlaybookInstances instances,
            IncidentExplanations explanations) {
        this.incidents = incidents.getIfAvailable();
        this.models = models;
        this.instances = instances;
        this.explanations = explanations;
    }

    /** Whether Baton can read the engine's incidents: true with the embedded engine, false on a cluster. */
    public boolean known() {
        return incidents != null;
    }

    /**
     * What holds one run, oldest first: empty when nothing does, or when incidents are not {@link #known}.
     */
    public List<StuckAt> of(long processInstanceKey) {
        return known()
                ? incidents.open(processInstanceKey).stream().map(this::stuckAt).toList()
                : List.of();
    }

    /**
     * Per playbook (process id), how many of its running runs are stuck; playbooks with none are left out.
     *
     * @return empty when incidents are not {@link #known}
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Long>> countsByProcess() {
        if (!known()) {
            return Optional.empty();
        }
        Map<String, Long> counts = new HashMap<>();
        String keys = SqlArrays.ofIds(incidents.openByInstance().keySet());
        for (Object[] row : instances.runningCountsByProcessAmong(keys)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return Optional.of(counts);
    }

    /**
     * A playbook's latest runs, newest first, at most {@code limit}, each with what holds it.
     *
     * @param processId the playbook's process id; null (with {@code stuckOnly}) for every playbook's
     * @param stuckOnly only the running runs the engine holds on an incident
     * @throws BadRequestException naming {@code stuck} when {@code stuckOnly} and incidents are not
     *     {@link #known}: "none" would be a guess
     */
    @Transactional(readOnly = true)
    public List<Run> runs(String processId, boolean stuckOnly, int limit) {
        if (stuckOnly && !known()) {
            throw new BadRequestException(
                    "stuck",
                    "stuck runs are known only with Baton's embedded engine: on a Camunda cluster look them up in"
                            + " Operate");
        }
        Map<Long, List<Incident>> open = known() ? incidents.openByInstance() : null;
        List<PlaybookInstance> listed = stuckOnly
                ? instances.findRunningAmong(SqlArrays.ofIds(open.keySet()), processId, limit)
                : instances.findByBpmnProcessIdAndCalledByIsNullOrderByStartedAtDesc(
                        processId, PageRequest.of(0, limit));
        return listed.stream()
                .map(i -> new Run(
                        i,
                        open == null
                                ? null
                                : i.getEndedAt() != null
                                        ? List.of()
                                        : open.getOrDefault(i.getProcessInstanceKey(), List.of()).stream()
                                                .map(this::stuckAt)
                                                .toList()))
                .toList();
    }

    /**
     * A run and what holds it, oldest first: empty when nothing (or it has ended), null when
     * incidents are not {@link #known}.
     */
    public record Run(PlaybookInstance instance, List<StuckAt> incidents) {}

    private StuckAt stuckAt(Incident incident) {
        return new StuckAt(
                incident.bpmnProcessId(),
                incident.processInstanceKey(),
                incident.elementId(),
                models.elementName(incident.processDefinitionKey(), incident.bpmnProcessId(), incident.elementId()),
                incident.errorType(),
                incident.message(),
                explanations.plain(incident),
                incident.raisedAt());
    }
}
