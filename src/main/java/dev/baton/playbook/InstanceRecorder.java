package dev.baton.playbook;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.blocks.Blocks;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.ProcessInstanceStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a {@link PlaybookInstance} for every instance started through {@code ProcessInstances} (not
 * those started by a message start event: handovers, commitments), in a transaction of its own:
 * the instance already runs, so a failure here costs only the catalogue's count, never the caller's work.
 * A catalogue launch on an account is also told on the account's timeline ({@code playbook.launched}), in
 * the same transaction, so the run and its entry land together, once per run: Baton's own starts through
 * here (a sales-to-CS handoff, the demo's reviews) count in the catalogue but have their own entries or
 * none, so they are not told again. A start seen twice records nothing the second time.
 */
@Component
class InstanceRecorder {

    private static final Logger log = LoggerFactory.getLogger(InstanceRecorder.class);

    private final PlaybookInstances instances;
    private final TransactionTemplate ownTransaction;

    private final AuditLog audit;
    private final DeployedPlaybooks deployed;

    InstanceRecorder(
            PlaybookInstances instances,
            PlatformTransactionManager transactions,
            AuditLog audit,
            DeployedPlaybooks deployed) {
        this.instances = instances;
        this.audit = audit;
        this.deployed = deployed;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void started(ProcessInstanceStarted started) {
        Long accountId = started.variables().get(Variables.ACCOUNT_ID) instanceof Number n ? n.longValue() : null;
        String by = AuditLog.currentActor();
        try {
            // inside the try: even a transaction that cannot begin (no free connection) must not fail the caller
            ownTransaction.executeWithoutResult(tx -> {
                if (instances.existsById(started.processInstanceKey())) {
                    return;
                }
                instances.save(new PlaybookInstance(
                        started.processInstanceKey(),
                        started.processId(),
                        started.version(),
                        started.definitionKey(),
                        accountId,
                        by,
                        // when the start was asked for: the steps of the playbooks it calls may arrive before
                        // this line runs, and a cancel looks for those that arrived since (RunCancellation)
                        started.requestedAt()));
                if (accountId != null && launchedFromCatalogue(started)) {
                    audit.record(
                            "playbook.launched",
                            "playbook_instance",
                            started.processInstanceKey(),
                            accountId,
                            null,
                            fields(
                                    "playbook",
                                    deployed.byDefinitionKey(started.definitionKey())
                                            .map(DeployedProcess::name)
                                            .filter(name -> !name.isBlank())
                                            .orElse(started.processId()),
                                    "processId",
                                    started.processId(),
                                    "version",
                                    started.version()));
                }
            });
        } catch (RuntimeException e) {
            log.warn(
                    "Instance {} of {} runs but is not in the catalogue (nor on its account's timeline): {}",
                    started.processInstanceKey(),
                    started.processId(),
                    e.toString());
        }
    }

    /**
     * Whether the catalogue launched it: only a catalogue launch carries {@code launchedBy}, which Baton sets
     * from the signed-in person and no caller may give ({@code LaunchVariables}); Baton's own starts do not.
     */
    private static boolean launchedFromCatalogue(ProcessInstanceStarted started) {
        return started.variables().containsKey(Blocks.LAUNCHED_BY);
    }
}
