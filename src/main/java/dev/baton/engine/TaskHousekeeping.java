package dev.baton.engine;

import dev.baton.task.TaskEngineSync;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled work for the task bridge, safe on several app instances at once (row locks with SKIP
 * LOCKED): completions the engine did not take when the person completed, and job locks about to
 * run out. Batches keep each transaction (which holds its row locks across engine calls) short; the
 * next batch follows only when the whole batch was settled, so an engine outage ends the run.
 * Tests switch it off ({@code baton.tasks.housekeeping-on-schedule=false}) and call {@link
 * TaskEngineSync} themselves: their hand-made tasks have no job, which a renewal would cancel.
 */
@Component
@ConditionalOnProperty(name = "baton.tasks.housekeeping-on-schedule", havingValue = "true", matchIfMissing = true)
class TaskHousekeeping {

    static final int BATCH_SIZE = 50;

    private final TaskEngineSync sync;

    TaskHousekeeping(TaskEngineSync sync) {
        this.sync = sync;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
    void retryCompletions() {
        while (sync.retryCompletions(BATCH_SIZE) == BATCH_SIZE) {
            // a fully settled batch: there may be more
        }
    }

    /**
     * Runs well within the activation timeout: a job whose first lock extension failed (engine
     * busy or unreachable) gets it at the next run instead of timing out and being handed out again.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void renewLocks() {
        while (sync.renewLocks(BATCH_SIZE) == BATCH_SIZE) {
            // a fully settled batch: there may be more
        }
    }
}
