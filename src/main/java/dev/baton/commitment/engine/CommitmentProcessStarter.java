package dev.baton.commitment.engine;

import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentEvents;
import dev.baton.commitment.CommitmentProcessSteps;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Connects the commitment feature's events to the engine, after their transaction committed, and
 * sweeps for what events cannot cover (commitments older than the process, the owner invariant).
 *
 * <p>Starts go through the message start event with the commitment id as correlation key: Zeebe
 * creates no second instance while one for the same key is active, so the after-commit start, its
 * redelivery by the event publication registry and the sweep may all fire. Changes made outside
 * the process interrupt its waiting task by message ({@link CommitmentMessages}).
 */
@Component
class CommitmentProcessStarter {

    private static final Logger log = LoggerFactory.getLogger(CommitmentProcessStarter.class);
    static final int SWEEP_BATCH = 100;

    /**
     * How long after the message that ends a commitment's process its open steps are checked with the
     * engine: time for the engine to have handled it (milliseconds, usually).
     */
    static final Duration WITHDRAWN_STEPS_CHECK_AFTER = Duration.ofSeconds(2);

    private final CommitmentMessages messages;
    private final CommitmentProcessSteps steps;
    private final TaskService tasks;
    private final TaskEngineSync engineSync;
    private final TaskScheduler scheduler;
    private final Clock clock;

    CommitmentProcessStarter(
            CommitmentMessages messages,
            CommitmentProcessSteps steps,
            TaskService tasks,
            TaskEngineSync engineSync,
            TaskScheduler scheduler,
            Clock clock) {
        this.messages = messages;
        this.steps = steps;
        this.tasks = tasks;
        this.engineSync = engineSync;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The sweep on a schedule; off in tests (which call {@link #sweep()}), as the shared demo book would flood the engine. */
    @Component
    @ConditionalOnProperty(name = "baton.commitments.sweep-on-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final CommitmentProcessStarter starter;

        Schedule(CommitmentProcessStarter starter) {
            this.starter = starter;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${baton.commitments.sweep-every:PT5M}")
        void sweep() {
            try {
                starter.sweep();
            } catch (RuntimeException e) {
                // the engine is down or busy: the next run picks up what this one could not
                log.warn("commitment sweep stopped early, next run in the schedule retries: {}", e.toString());
            }
        }
    }

    /**
     * After commit. An engine failure propagates, so the event publication registry keeps the event
     * incomplete and delivers it again ({@code EventResubmission}); the sweep also starts processes
     * for open commitments that have none.
     */
    @TransactionalEventListener
    void recorded(CommitmentEvents.Recorded event) {
        messages.recorded(event);
    }

    /**
     * After commit; a failure leaves the event to the registry's next delivery, as for {@link #recorded}.
     * A change that closes the commitment (cancelled, verified, breached) ends its process, which
     * withdraws its waiting step in the engine; the inbox would only learn of it at the step's next
     * lock renewal, so the commitment's open steps are checked with the engine shortly after (a step
     * whose job is gone is cancelled, and its waiting mails withdrawn).
     */
    @TransactionalEventListener
    void changed(CommitmentEvents.Changed event) {
        messages.changed(event);
        if (!event.status().isOpen()) {
            scheduler.schedule(
                    () -> settleOpenSteps(event.commitmentId()), clock.instant().plus(WITHDRAWN_STEPS_CHECK_AFTER));
        }
    }

    private void settleOpenSteps(long commitmentId) {
        try {
            tasks.openAbout(Commitment.taskSubject(commitmentId)).forEach(engineSync::settleDelivered);
        } catch (RuntimeException e) {
            // the engine is down or busy: the steps' lock renewal settles them later
            log.warn("open steps of closed commitment {} not checked: {}", commitmentId, e.toString());
        }
    }

    /**
     * Open commitments without a process get one (in id order, so a start whose first step has not yet
     * run is not met again in the same sweep). Then the owner invariant: a running process whose open
     * commitment has no active owner is sent to its assign-owner task, which the owner-missing message
     * cannot interrupt, so a violation found again never opens a second task.
     */
    void sweep() {
        sweep(null);
    }

    /** The sweep over one account's commitments only (null: all): tests share the database with the demo book. */
    void sweep(Long accountId) {
        long after = 0;
        List<CommitmentEvents.Recorded> batch;
        do {
            batch = steps.withoutProcess(after, SWEEP_BATCH, accountId);
            batch.forEach(messages::recorded);
            after = batch.isEmpty() ? after : batch.getLast().commitmentId();
        } while (batch.size() == SWEEP_BATCH);
        steps.withoutActiveOwner(accountId).forEach(messages::ownerMissing);
    }
}
