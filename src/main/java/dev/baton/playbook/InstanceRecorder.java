package dev.baton.playbook;

import dev.baton.audit.AuditLog;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.ProcessInstanceStarted;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a {@link PlaybookInstance} for every instance Baton starts (by any feature), in a
 * transaction of its own: the instance already runs, so a failure here costs only the catalogue's
 * count, never the caller's work.
 */
@Component
class InstanceRecorder {

  private static final Logger log = LoggerFactory.getLogger(InstanceRecorder.class);

  private final PlaybookInstances instances;
  private final Clock clock;

  InstanceRecorder(PlaybookInstances instances, Clock clock) {
    this.instances = instances;
    this.clock = clock;
  }

  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void started(ProcessInstanceStarted started) {
    try {
      Long accountId = started.variables().get(Variables.ACCOUNT_ID) instanceof Number n ? n.longValue() : null;
      String by = AuditLog.currentActor();
      instances.save(new PlaybookInstance(started.processInstanceKey(), started.processId(), started.version(),
          started.definitionKey(), accountId, by, clock.instant()));
    } catch (RuntimeException e) {
      log.warn("Instance {} of {} runs but is not in the catalogue: {}", started.processInstanceKey(), started.processId(), e.toString());
    }
  }
}
