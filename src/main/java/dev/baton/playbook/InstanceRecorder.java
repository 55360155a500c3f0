package dev.baton.playbook;

import dev.baton.audit.AuditLog;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.ProcessInstanceStarted;
import java.time.Clock;
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
 */
@Component
class InstanceRecorder {

    private static final Logger log = LoggerFactory.getLogger(InstanceRecorder.class);

    private final PlaybookInstances instances;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    InstanceRecorder(PlaybookInstances instances, PlatformTransactionManager transactions, Clock clock) {
        this.instances = instances;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @EventListener
    void started(ProcessInstanceStarted started) {
        Long accountId = started.variables().get(Variables.ACCOUNT_ID) instanceof Number n ? n.longValue() : null;
        String by = AuditLog.currentActor();
        try {
            // inside the try: even a transaction that cannot begin (no free connection) must not fail the caller
            ownTransaction.executeWithoutResult(tx -> instances.save(new PlaybookInstance(
                    started.processInstanceKey(),
                    started.processId(),
                    started.version(),
                    started.definitionKey(),
                    accountId,
                    by,
                    clock.instant())));
        } catch (RuntimeException e) {
            log.warn(
                    "Instance {} of {} runs but is not in the catalogue: {}",
                    started.processInstanceKey(),
                    started.processId(),
                    e.toString());
        }
    }
}
