package dev.baton.engine;

import dev.baton.task.TaskEngineSync;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Withdraws from the inbox, within seconds, the steps the in-process engine closed with no new step
 * arriving to tell (found by session 39's probe: a user task whose interrupting timer led to a week's
 * wait stayed open, completable, until its lock renewal an hour or more later). The engine's record
 * log says which user-task jobs it canceled ({@link LoggedJobCancellations}); their tasks are settled
 * with the engine ({@link TaskEngineSync#settleCanceled}), the same withdrawal as a lock renewal's.
 * Embedded mode only: a cluster has no log to read, and there the lock renewal finds such steps.
 *
 * <p>Costs nothing per job in the common case: reading the log touches only each record's metadata,
 * and the database is asked only when a user-task job was canceled. A job whose task is still open
 * after a try (the engine did not answer) is tried again at the next run, for a minute at most; after
 * that its lock renewal settles it.
 */
final class CanceledSteps implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CanceledSteps.class);
    /** Runs a job's task is tried again when the engine did not answer: a minute at the usual 2 s. */
    static final int TRIES = 30;

    private final LoggedJobCancellations cancellations;
    private final TaskEngineSync sync;
    private final Map<Long, Integer> pending = new HashMap<>(); // job key -> tries so far

    CanceledSteps(LoggedJobCancellations cancellations, TaskEngineSync sync) {
        this.cancellations = cancellations;
        this.sync = sync;
    }

    /**
     * Withdraws the tasks of the user-task jobs the engine canceled since the last call (and of those a
     * previous call could not settle). Idempotent: a job without an open task is left alone.
     *
     * @return how many jobs' tasks were settled or needed nothing
     * @throws RuntimeException when the database does not answer: the jobs are kept for the next call
     */
    synchronized int withdrawCanceled() {
        cancellations.userTaskJobsCanceledSinceLastCall().forEach(key -> pending.putIfAbsent(key, 0));
        if (pending.isEmpty()) {
            return 0;
        }
        Set<Long> stillOpen = sync.settleCanceled(Set.copyOf(pending.keySet()));
        int settled = pending.size() - stillOpen.size();
        pending.keySet().retainAll(stillOpen);
        pending.replaceAll((key, tries) -> tries + 1);
        pending.entrySet().removeIf(e -> {
            if (e.getValue() < TRIES) {
                return false;
            }
            log.warn(
                    "job {} was canceled by the engine but its task is still open; its lock renewal settles it",
                    e.getKey());
            return true;
        });
        return settled;
    }

    @Override
    public void close() {
        cancellations.close();
    }

    /** {@link #withdrawCanceled} every {@code baton.tasks.withdraw-canceled-every} (2 s); off in tests, which call it. */
    static final class Schedule {

        private final CanceledSteps steps;

        Schedule(CanceledSteps steps) {
            this.steps = steps;
        }

        @Scheduled(
                initialDelayString = "${baton.tasks.withdraw-canceled-every:PT2S}",
                fixedDelayString = "${baton.tasks.withdraw-canceled-every:PT2S}")
        void run() {
            try {
                steps.withdrawCanceled();
            } catch (RuntimeException e) {
                log.warn("steps the engine canceled not withdrawn yet, next run retries: {}", e.toString());
            }
        }
    }
}
