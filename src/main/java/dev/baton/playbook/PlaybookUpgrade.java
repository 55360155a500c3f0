package dev.baton.playbook;

import dev.baton.audit.AuditLog;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.ProcessInstances;
import dev.baton.shared.NotFoundException;
import dev.baton.task.ProcessInstanceSteps;
import dev.baton.task.ProcessInstanceSteps.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running instances of older versions to the newest (Zeebe's process instance migration,
 * each task mapped to the task of the same id). The preview judges from what Baton sees, the open
 * user tasks: an instance waiting in a task the new version no longer has cannot move. Where it
 * waits in an automated step, a timer or a gateway Baton cannot see; the engine checks that when
 * the instance is moved and its refusal is reported.
 */
@Service
public class PlaybookUpgrade {

    /**
     * @param canMove whether the instance's open steps all exist in the target version
     * @param reason why not, or (after a move) the engine's answer; null when it moved or can move
     */
    public record Candidate(
            long processInstanceKey, int fromVersion, Set<String> openSteps, boolean canMove, String reason) {}

    public record Preview(String processId, int targetVersion, List<Candidate> instances) {}

    private final DeployedPlaybooks deployed;
    private final PlaybookInstances instances;
    private final ProcessInstanceSteps steps;
    private final ProcessInstances processInstances;
    private final AuditLog audit;

    PlaybookUpgrade(
            DeployedPlaybooks deployed,
            PlaybookInstances instances,
            ProcessInstanceSteps steps,
            ProcessInstances processInstances,
            AuditLog audit) {
        this.deployed = deployed;
        this.instances = instances;
        this.steps = steps;
        this.processInstances = processInstances;
        this.audit = audit;
    }

    /** Which running instances of older versions can move to the newest. */
    @Transactional(readOnly = true)
    public Preview preview(String processId) {
        DeployedProcess target = target(processId);
        List<Candidate> out = new ArrayList<>();
        for (PlaybookInstance i : older(processId, target)) {
            out.add(candidate(i, target));
        }
        return new Preview(processId, target.version(), out);
    }

    /** Moves every instance the preview allows; each move is audited. Returns each instance's outcome. */
    @Transactional
    public Preview upgrade(String processId) {
        DeployedProcess target = target(processId);
        List<Candidate> out = new ArrayList<>();
        for (PlaybookInstance i : older(processId, target)) {
            Candidate c = candidate(i, target);
            if (c.canMove()) {
                Set<String> mapped = new LinkedHashSet<>(target.activityIds());
                mapped.retainAll(deployed.byDefinitionKey(i.getProcessDefinitionKey())
                        .map(DeployedProcess::activityIds)
                        .orElse(mapped));
                try {
                    processInstances.migrate(i.getProcessInstanceKey(), target.definitionKey(), mapped);
                    audit.record(
                            "playbook.instance-migrated",
                            "playbook_instance",
                            i.getProcessInstanceKey(),
                            i.getAccountId(),
                            Map.of("version", i.getProcessVersion()),
                            Map.of("version", target.version()));
                    i.migrated(target.version(), target.definitionKey());
                } catch (RuntimeException e) {
                    c = new Candidate(
                            c.processInstanceKey(),
                            c.fromVersion(),
                            c.openSteps(),
                            false,
                            "the engine refused: " + e.getMessage());
                }
            }
            out.add(c);
        }
        return new Preview(processId, target.version(), out);
    }

    private DeployedProcess target(String processId) {
        return deployed.latest(processId).orElseThrow(() -> new NotFoundException("playbook", processId));
    }

    private List<PlaybookInstance> older(String processId, DeployedProcess target) {
        return instances.findByBpmnProcessIdAndProcessVersionLessThanAndEndedAtIsNull(processId, target.version());
    }

    private Candidate candidate(PlaybookInstance i, DeployedProcess target) {
        Set<String> open = new LinkedHashSet<>();
        steps.of(i.getProcessInstanceKey()).stream().filter(Step::open).forEach(s -> open.add(s.elementId()));
        Set<String> missing = new LinkedHashSet<>(open);
        missing.removeAll(target.activityIds());
        String reason = missing.isEmpty()
                ? null
                : "waits in " + String.join(", ", missing) + ", which version " + target.version() + " does not have";
        return new Candidate(i.getProcessInstanceKey(), i.getProcessVersion(), open, missing.isEmpty(), reason);
    }
}
