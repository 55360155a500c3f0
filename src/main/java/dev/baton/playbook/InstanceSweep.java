package dev.baton.playbook;

import dev.baton.engine.ProcessInstances;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks ended the instances the engine no longer has (see {@link ProcessInstances#isRunning}): one
 * cheap command per running instance, oldest first, a batch every few minutes. Off in tests, which
 * call {@link #sweep(int)}.
 */
@Component
public class InstanceSweep {

    private final PlaybookInstances instances;
    private final ProcessInstances processInstances;
    private final Clock clock;
    private final TaskService tasks;
    private final TaskEngineSync engineSync;

    InstanceSweep(
            PlaybookInstances instances,
            ProcessInstances processInstances,
            Clock clock,
            TaskService tasks,
            TaskEngineSync engineSync) {
        this.instances = instances;
        this.processInstances = processInstances;
        this.clock = clock;
        this.tasks = tasks;
        this.engineSync = engineSync;
    }

    /**
     * Asks the engine about at most {@code limit} running instances; returns how many have ended. The
     * engine is asked with no transaction open (issue 15: no database connection waits on the engine),
     * and the ended ones are marked in one short update after ({@link PlaybookInstances#markEnded}); their steps still open in Baton are
     * then checked with the engine ({@link TaskEngineSync#settleDelivered}: a job it no longer has
     * cancels its task).
     *
     * @throws RuntimeException when the engine does not answer: nothing is marked
     */
    public int sweep(int limit) {
        List<Long> gone = instances.findByEndedAtIsNullOrderByStartedAt(PageRequest.of(0, limit)).stream()
                .map(PlaybookInstance::getProcessInstanceKey)
                .filter(key -> !processInstances.isRunning(key))
                .toList();
        if (gone.isEmpty()) {
            return 0;
        }
        int ended = instances.markEnded(gone, clock.instant());
        // a run can end with steps still open in Baton, none arriving to tell (a timer straight to an end)
        gone.forEach(key -> tasks.openIn(key).forEach(engineSync::settleDelivered));
        return ended;
    }

    @Component
    @ConditionalOnProperty(name = "baton.playbooks.sweep-on-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final InstanceSweep sweep;

        Schedule(InstanceSweep sweep) {
            this.sweep = sweep;
        }

        @Scheduled(
                fixedDelayString = "${baton.playbooks.sweep-delay:PT5M}",
                initialDelayString = "${baton.playbooks.sweep-delay:PT5M}")
        void run() {
            sweep.sweep(500);
        }
    }
}
