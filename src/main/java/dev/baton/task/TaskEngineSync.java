package dev.baton.task;

import dev.baton.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Baton owes the engine for its task rows: job completions (COMPLETING rows) and job locks
 * (OPEN rows). Each call locks the row with {@code FOR UPDATE SKIP LOCKED}, so when several app
 * instances (or a request and the scheduled retry) reach for the same row, one does the work and
 * the others skip it. A job the engine no longer has marks the task CANCELED.
 */
@Component
public class TaskEngineSync {

  private static final Logger log = LoggerFactory.getLogger(TaskEngineSync.class);

  private final Tasks tasks;
  private final TaskEngine engine;
  private final AuditLog audit;
  private final TaskSettings settings;
  private final Clock clock;
  private final TransactionTemplate tx;

  TaskEngineSync(Tasks tasks, TaskEngine engine, AuditLog audit, TaskSettings settings, Clock clock, TransactionTemplate tx) {
    this.tasks = tasks;
    this.engine = engine;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
    this.tx = tx;
  }

  /** Hands one COMPLETING task to the engine; empty when another caller holds it or it is no longer owed. */
  public Optional<Task> finishCompletion(long taskId) {
    return tx.execute(status -> tasks.lockCompletingById(taskId).map(this::complete));
  }

  /**
   * Retries owed completions, oldest first. Returns how many were settled (completed or canceled):
   * fewer than the batch size means there is no more work, or the engine is not answering.
   */
  public int retryCompletions(int batchSize) {
    return tx.execute(status -> {
      List<Task> owed = tasks.lockCompleting(batchSize);
      owed.forEach(this::complete);
      return (int) owed.stream().filter(t -> t.getStatus() != TaskStatus.COMPLETING).count();
    });
  }

  /**
   * After a job is (re)delivered: an open task's job gets its long lock, a completing one its
   * completion. Under the same row lock as {@link #renewLocks}: a just-inserted row's short lock is
   * also within renew-before, and whichever of the two gets the row extends it, the other skips.
   */
  public void settleDelivered(Task task) {
    switch (task.getStatus()) {
      case OPEN -> tx.executeWithoutResult(status -> tasks.lockOpenById(task.getId()).ifPresent(this::extendLock));
      case COMPLETING -> finishCompletion(task.getId());
      default -> log.debug("job {} delivered again for {} task {}", task.getJobKey(), task.getStatus(), task.getId());
    }
  }

  /**
   * When a step arrives, the other open steps of its process instance are checked with the engine:
   * a step interrupted by a boundary event or a message (the usual reason a new step replaces it)
   * is canceled now, instead of lingering in an inbox until its next lock renewal, days later.
   * Checking is extending the lock, which is harmless for a step that is still live.
   */
  public void cancelWithdrawnSiblings(Task arrived) {
    for (Task sibling : tasks.findByProcessInstanceKeyAndStatusAndIdNot(
        arrived.getProcessInstanceKey(), TaskStatus.OPEN, arrived.getId())) {
      tx.executeWithoutResult(status -> tasks.lockOpenById(sibling.getId()).ifPresent(this::extendLock));
    }
  }

  /**
   * Extends the locks of open tasks expiring within renew-before. Returns how many were settled
   * (extended or canceled), like {@link #retryCompletions}.
   */
  public int renewLocks(int batchSize) {
    return tx.execute(status -> {
      Instant threshold = clock.instant().plus(settings.renewBefore());
      List<Task> due = tasks.lockOpenExpiringBefore(threshold, batchSize);
      due.forEach(this::extendLock);
      return (int) due.stream().filter(t -> !t.isOpen() || !t.getLockExpiresAt().isBefore(threshold)).count();
    });
  }

  /**
   * A job gone at the first attempt was withdrawn (the step was interrupted): the task is
   * CANCELED. A job gone after an attempt whose answer was lost (a deadline, a dropped
   * connection: seen at N=10,000 on a busy broker) was completed by that attempt, since the engine
   * took it: the task is COMPLETED. (The rare step withdrawn in that same moment is recorded as
   * completed too; the audit event says how it was concluded.)
   */
  private Task complete(Task task) {
    try {
      engine.complete(task.getJobKey(), task.getOutcome() == null ? Map.of() : task.getOutcome());
      task.confirmCompleted();
    } catch (TaskEngine.JobGone gone) {
      if (task.isCompletionOutcomeUnknown()) {
        var before = TaskService.state(task);
        task.confirmCompleted();
        audit.record("task.completion-confirmed", "task", task.getId(), task.getAccountId(), before,
            Map.of("status", task.getStatus().name(), "how", "an earlier completion's answer was lost; the job is gone"));
      } else {
        cancel(task);
      }
    } catch (TaskEngine.NotTaken busy) {
      log.warn("completing job {} of task {}: engine busy; will retry", task.getJobKey(), task.getId());
    } catch (RuntimeException e) {
      task.completionOutcomeUnknown();
      log.warn("completing job {} of task {} failed; will retry: {}", task.getJobKey(), task.getId(), e.toString());
    }
    return task;
  }

  private void extendLock(Task task) {
    try {
      engine.extendLock(task.getJobKey(), settings.lockDuration());
      task.lockedUntil(clock.instant().plus(settings.lockDuration()));
    } catch (TaskEngine.JobGone gone) {
      cancel(task);
    } catch (RuntimeException e) {
      log.warn("extending the lock of job {} (task {}) failed; will retry: {}", task.getJobKey(), task.getId(), e.toString());
    }
  }

  private void cancel(Task task) {
    var before = TaskService.state(task);
    task.cancel();
    audit.record("task.canceled", "task", task.getId(), task.getAccountId(), before, TaskService.state(task));
    log.info("task {} canceled: the engine no longer has job {}", task.getId(), task.getJobKey());
  }
}
