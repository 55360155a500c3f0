package dev.baton.task;

import dev.baton.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Baton owes the engine for its task rows: job completions (COMPLETING rows) and job locks
 * (OPEN rows). No engine call is made while a row lock is held: a short transaction takes a lease
 * on the rows ({@code FOR UPDATE SKIP LOCKED}, so several app instances, or a request and the
 * scheduled retry, never take the same row) and commits; the engine is called; a second short
 * transaction records the outcome and releases the lease. A lease left by an instance that died
 * runs out soon after the engine call it was taken for would have failed ({@link #leaseUntil}), so
 * another instance takes the row over within a minute. A job the engine no longer has marks the task CANCELED; a
 * completion the engine refuses for good hands the task back to its assignee with the reason.
 */
@Component
public class TaskEngineSync {

    private static final Logger log = LoggerFactory.getLogger(TaskEngineSync.class);
    /** What a lease adds to the engine calls it covers: recording their outcome in the database. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(10);
    /**
     * How long after a completion its instance's other open steps are checked: the engine ends the
     * steps a completion closes (a terminate end event, a multi-instance's completion condition) just
     * after it took the answer, not before it acknowledged it.
     */
    static final Duration SIBLINGS_CHECK_AFTER = Duration.ofSeconds(2);

    private final Tasks tasks;
    private final TaskEngine engine;
    private final AuditLog audit;
    private final TaskSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TaskMails mails;
    private final TaskScheduler scheduler;
    private final TaskCompletionHandlers handlers;

    TaskEngineSync(
            Tasks tasks,
            TaskEngine engine,
            AuditLog audit,
            TaskSettings settings,
            Clock clock,
            TransactionTemplate tx,
            TaskMails mails,
            TaskScheduler scheduler,
            TaskCompletionHandlers handlers) {
        this.handlers = handlers;
        this.mails = mails;
        this.scheduler = scheduler;
        this.tasks = tasks;
        this.engine = engine;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
    }

    /** What an engine call needs, read under the lease's short transaction. */
    private record Claim(long taskId, long jobKey, Map<String, Object> outcome) {
        static Claim of(Task t) {
            return new Claim(t.getId(), t.getJobKey(), t.getOutcome() == null ? Map.of() : t.getOutcome());
        }
    }

    /** Hands one COMPLETING task to the engine; empty when another caller holds it or it is no longer owed. */
    public Optional<Task> finishCompletion(long taskId) {
        return lease(() -> tasks.lockCompletingById(taskId, clock.instant()).stream()
                        .toList())
                .stream()
                .findFirst()
                .map(this::complete);
    }

    /**
     * Retries owed completions whose back-off has passed, oldest first. Returns how many were settled
     * (completed, canceled or handed back): fewer than the batch size means there is no more work, or
     * the engine is not answering.
     */
    public int retryCompletions(int batchSize) {
        List<Claim> owed = lease(() -> tasks.lockCompleting(clock.instant(), batchSize));
        return (int) owed.stream()
                .map(this::complete)
                .filter(t -> t.getStatus() != TaskStatus.COMPLETING)
                .count();
    }

    /**
     * After a job is (re)delivered: an open task's job gets its long lock, a completing one its
     * completion. The lease keeps {@link #renewLocks} from extending the same row at the same time.
     */
    public void settleDelivered(Task task) {
        switch (task.getStatus()) {
            case OPEN ->
                lease(() -> tasks.lockOpenById(task.getId(), clock.instant()).stream()
                                .toList())
                        .forEach(this::extendLock);
            case COMPLETING -> finishCompletion(task.getId());
            default ->
                log.debug("job {} delivered again for {} task {}", task.getJobKey(), task.getStatus(), task.getId());
        }
    }

    /**
     * {@link #settleDelivered} for each of {@code open} now, and again after 1, 3 and 9 times {@link
     * #SIBLINGS_CHECK_AFTER} for those still open then: for steps the engine withdraws just after
     * answering a command, as the instances a cancelled run called, which the engine terminates after
     * their caller. Found by the suite: checked at once, such a step could still be live and stay in
     * its inbox until its next lock renewal, days later. The later check's errors are logged (the engine
     * down or busy): the lock renewal settles those steps then.
     *
     * @param open tasks as read (any status: one no longer open is left alone when its turn comes)
     */
    public void settleNowAndSoon(List<Task> open) {
        open.forEach(this::settleDelivered);
        if (open.isEmpty()) {
            return;
        }
        // again at 2, 6 and 18 s: on a loaded machine the engine terminated a called instance after the
        // first later check (session 38's suite); a step settled by then is left alone
        for (int times = 1; times <= 9; times *= 3) {
            scheduler.schedule(
                    () -> {
                        try {
                            open.forEach(this::settleDelivered);
                        } catch (RuntimeException e) {
                            log.warn("{} steps not checked again: {}", open.size(), e.toString());
                        }
                    },
                    clock.instant().plus(SIBLINGS_CHECK_AFTER.multipliedBy(times)));
        }
    }

    /**
     * The engine says it canceled these jobs (embedded mode reads it from its record log: an
     * interrupting boundary or event subprocess, a terminate end event, a cancelled run), so their
     * steps leave the inboxes now rather than at their lock renewal, an hour or more later. Each task
     * still open or completing is settled as a delivered one ({@link #settleDelivered}): the engine is
     * asked, and a job it no longer has withdraws the task the usual way (CANCELED, audited as {@link
     * AuditLog#SYSTEM}'s, its queued mails withdrawn). A job with no such task (never Baton's, already
     * withdrawn or completed) is left alone, so the same key given twice changes nothing. One query, and
     * one more only when some task was found; none for no keys.
     *
     * @param jobKeys keys of user-task jobs the engine canceled
     * @return the keys whose tasks are still open or completing afterwards (the engine did not answer,
     *     or another caller holds the row and settles it): the caller may try those again
     */
    public Set<Long> settleCanceled(Collection<Long> jobKeys) {
        if (jobKeys.isEmpty()) {
            return Set.of();
        }
        List<Task> unsettled = tasks.findUnsettledByJobKeyIn(jobKeys);
        if (unsettled.isEmpty()) {
            return Set.of();
        }
        unsettled.forEach(this::settleDelivered);
        return tasks.findUnsettledByJobKeyIn(jobKeys).stream()
                .map(Task::getJobKey)
                .collect(Collectors.toSet());
    }

    /**
     * When a step arrives, the other open steps of its process instance are checked with the engine:
     * a step interrupted by a boundary event or a message (the usual reason a new step replaces it)
     * is canceled now, instead of lingering in an inbox until its next lock renewal, days later.
     * Checking is extending the lock, which is harmless for a step that is still live.
     */
    public void cancelWithdrawnSiblings(Task arrived) {
        checkOpenSiblings(arrived);
    }

    private void checkOpenSiblings(Task of) {
        for (Task sibling : tasks.findByProcessInstanceKeyAndStatusAndIdNot(
                of.getProcessInstanceKey(), TaskStatus.OPEN, of.getId())) {
            lease(() -> tasks.lockOpenById(sibling.getId(), clock.instant()).stream()
                            .toList())
                    .forEach(this::extendLock);
        }
    }

    /**
     * A completion can close other steps of its instance with no new step arriving to tell (a
     * terminate end event, a multi-instance's completion condition "the first answer wins", an
     * interrupting boundary leading straight to an end): their jobs are gone, yet they would stay in
     * the inboxes until their lock renewal, an hour or more later (found by a probe). So the open
     * steps of a completed task's instance are checked with the engine shortly after ({@link
     * #SIBLINGS_CHECK_AFTER}), when it has any.
     */
    private void checkSiblingsSoon(Task completed) {
        if (completed.getStatus() == TaskStatus.COMPLETED
                && !tasks.findByProcessInstanceKeyAndStatusAndIdNot(
                                completed.getProcessInstanceKey(), TaskStatus.OPEN, completed.getId())
                        .isEmpty()) {
            scheduler.schedule(
                    () -> {
                        try {
                            checkOpenSiblings(completed);
                        } catch (RuntimeException e) {
                            // the engine is down or busy: the steps' lock renewal settles them later
                            log.warn(
                                    "open steps beside completed task {} not checked: {}",
                                    completed.getId(),
                                    e.toString());
                        }
                    },
                    clock.instant().plus(SIBLINGS_CHECK_AFTER));
        }
    }

    /**
     * Extends the locks of open tasks expiring within renew-before. Returns how many were settled
     * (extended or canceled), like {@link #retryCompletions}.
     */
    public int renewLocks(int batchSize) {
        Instant threshold = clock.instant().plus(settings.renewBefore());
        List<Claim> due = lease(() -> tasks.lockOpenExpiringBefore(threshold, clock.instant(), batchSize));
        return (int) due.stream()
                .map(this::extendLock)
                .filter(t -> !t.isOpen() || !t.getLockExpiresAt().isBefore(threshold))
                .count();
    }

    /** Takes the lease on the rows the query locks, and commits: the row locks end here. */
    private List<Claim> lease(java.util.function.Supplier<List<Task>> lock) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Task> locked = lock.get();
            for (int i = 0; i < locked.size(); i++) {
                locked.get(i).lease(leaseUntil(now, i));
            }
            return locked.stream().map(Claim::of).toList();
        });
    }

    /**
     * Until when the {@code position}-th row (from 0) of rows leased at {@code now} is leased: rows are
     * settled one after the other, each with one engine call and a recording, then possibly a
     * completion left owed meanwhile (a second call, under a lease of its own). So the first row is
     * leased for one call's timeout and {@link #LEASE_MARGIN} (20 s with the client's default), each
     * later one for two calls and the margin more. A dead instance's row is free again then, and the
     * next {@link #retryCompletions} or {@link #renewLocks} run takes it; a lease that runs out while
     * its holder still works is safe, only wasteful: the row is marked as having an answer whose
     * outcome is unknown ({@link Task#lease}), so a second caller finding the job gone records it
     * completed, not canceled (the issue asked that a dead instance's work be picked up within a
     * minute; until session 42 the lease was two minutes for every row).
     */
    private Instant leaseUntil(Instant now, int position) {
        Duration call = engine.callTimeout();
        Duration perRow = call.multipliedBy(2).plus(LEASE_MARGIN);
        return now.plus(call).plus(LEASE_MARGIN).plus(perRow.multipliedBy(position));
    }

    /**
     * Records an engine call's outcome on the row, in a transaction of its own, and releases the
     * lease; again on the fresh row when a person changed it meanwhile (a claim during a lock
     * extension), since a lease left held would keep that person's completion waiting.
     */
    private Task record(long taskId, Consumer<Task> outcome) {
        return ClashRetry.inFreshTransaction(tx, status -> {
            Task task = tasks.findById(taskId).orElseThrow();
            outcome.accept(task);
            task.releaseLease();
            return task;
        });
    }

    /**
     * A job gone at the first attempt was withdrawn (the step was interrupted): the task is
     * CANCELED. A job gone after an attempt whose answer was lost (a deadline, a dropped
     * connection: seen at N=10,000 on a busy broker) was completed by that attempt, since the engine
     * took it: the task is COMPLETED. (The rare step withdrawn in that same moment is recorded as
     * completed too; the audit event says how it was concluded.)
     */
    private Task complete(Claim claim) {
        try {
            engine.complete(claim.jobKey(), claim.outcome());
            Task completed = record(claim.taskId(), Task::confirmCompleted);
            checkSiblingsSoon(completed);
            return completed;
        } catch (TaskEngine.JobGone gone) {
            return record(claim.taskId(), this::concludeGone);
        } catch (TaskEngine.Refused refused) {
            log.warn(
                    "completing job {} of task {}: refused for good, back to its assignee: {}",
                    claim.jobKey(),
                    claim.taskId(),
                    refused.getMessage());
            return record(claim.taskId(), task -> handBack(task, refused));
        } catch (TaskEngine.NotTaken busy) {
            log.warn("completing job {} of task {}: engine busy; will retry", claim.jobKey(), claim.taskId());
            return record(claim.taskId(), task -> task.syncFailed(clock.instant()));
        } catch (RuntimeException e) {
            log.warn(
                    "completing job {} of task {} failed; will retry: {}",
                    claim.jobKey(),
                    claim.taskId(),
                    e.toString());
            return record(claim.taskId(), task -> {
                task.completionOutcomeUnknown();
                task.syncFailed(clock.instant());
            });
        }
    }

    private void concludeGone(Task task) {
        if (task.getStatus() != TaskStatus.COMPLETING) {
            return;
        }
        if (task.isCompletionOutcomeUnknown()) {
            var before = TaskService.state(task);
            task.confirmCompleted();
            audit.record(
                    "task.completion-confirmed",
                    "task",
                    task.getId(),
                    task.getAccountId(),
                    before,
                    Map.of(
                            "status",
                            task.getStatus().name(),
                            "how",
                            "an earlier completion's answer was lost; the job is gone"));
        } else {
            cancel(task);
        }
    }

    private void handBack(Task task, TaskEngine.Refused refused) {
        var before = TaskService.state(task);
        boolean answered = task.getStatus() == TaskStatus.COMPLETING;
        task.completionRefused(refused.getMessage());
        if (answered) {
            notTaken(task);
        }
        audit.record(
                "task.completion-refused",
                "task",
                task.getId(),
                task.getAccountId(),
                before,
                Map.of("status", task.getStatus().name(), "reason", task.getCompletionRefusal()));
    }

    /**
     * The step's feature undoes what it kept of an answer the process did not take ({@link
     * TaskCompletionHandler#notTaken}; found by the session 36 review: a handover's question stayed waiting
     * to be asked, its introduction line kept for a mail never sent).
     */
    private void notTaken(Task task) {
        handlers.of(task.getFormKey()).ifPresent(handler -> handler.notTaken(task));
    }

    /**
     * A person who completes the task while its lock is being extended finds the row leased, so
     * their completion is left owed; it is handed to the engine here, as the lease ends, rather
     * than waiting for the next {@link #retryCompletions} run (30 s; never in tests).
     */
    private Task extendLock(Claim claim) {
        try {
            engine.extendLock(claim.jobKey(), settings.lockDuration());
            Instant until = clock.instant().plus(settings.lockDuration());
            Task task = record(claim.taskId(), t -> t.lockedUntil(until));
            return task.getStatus() == TaskStatus.COMPLETING
                    ? finishCompletion(task.getId()).orElse(task)
                    : task;
        } catch (TaskEngine.JobGone gone) {
            return record(claim.taskId(), task -> {
                if (task.isOpen()) {
                    cancel(task);
                }
            });
        } catch (RuntimeException e) {
            log.warn(
                    "extending the lock of job {} (task {}) failed; will retry: {}",
                    claim.jobKey(),
                    claim.taskId(),
                    e.toString());
            return record(claim.taskId(), task -> {});
        }
    }

    /**
     * The engine no longer has the task's job: its process closed the step (a boundary timer or
     * message, a cancelled instance). An answer still on its way was not taken: the task drops it
     * ({@link Task#cancel}), and the cancellation is recorded as {@link AuditLog#SYSTEM}'s, as when
     * the scheduled lock renewal finds the job gone, not as the doing of the person whose answer
     * found it gone (signed in on this thread).
     */
    private void cancel(Task task) {
        String answeredBy = task.getStatus() == TaskStatus.COMPLETING ? task.getCompletedBy() : null;
        var before = TaskService.state(task);
        task.cancel();
        Map<String, Object> after = TaskService.state(task);
        if (answeredBy == null) {
            audit.record("task.canceled", "task", task.getId(), task.getAccountId(), before, after);
        } else {
            after.put(
                    "how",
                    "its process closed the step before " + answeredBy + "'s answer arrived; the answer was not taken");
            AuditLog.onBehalfOf(
                    AuditLog.SYSTEM,
                    () -> audit.record("task.canceled", "task", task.getId(), task.getAccountId(), before, after));
            notTaken(task);
        }
        mails.withdrawn(task);
        log.info("task {} canceled: the engine no longer has job {}", task.getId(), task.getJobKey());
    }
}
