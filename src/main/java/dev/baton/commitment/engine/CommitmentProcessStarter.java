package dev.baton.commitment.engine;

import dev.baton.commitment.CommitmentEvents;
import dev.baton.commitment.CommitmentProcessSteps;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    private final CommitmentMessages messages;
    private final CommitmentProcessSteps steps;

    CommitmentProcessStarter(CommitmentMessages messages, CommitmentProcessSteps steps) {
        this.messages = messages;
        this.steps = steps;
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

    /** After commit; a failure leaves the event to the registry's next delivery, as for {@link #recorded}. */
    @TransactionalEventListener
    void changed(CommitmentEvents.Changed event) {
        messages.changed(event);
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
