package dev.baton.playbook;

import dev.baton.engine.ProcessInstances;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

    InstanceSweep(PlaybookInstances instances, ProcessInstances processInstances, Clock clock) {
        this.instances = instances;
        this.processInstances = processInstances;
        this.clock = clock;
    }

    /** Asks the engine about at most {@code limit} running instances; returns how many have ended. */
    @Transactional
    public int sweep(int limit) {
        int ended = 0;
        for (PlaybookInstance instance : instances.findByEndedAtIsNullOrderByStartedAt(PageRequest.of(0, limit))) {
            if (!processInstances.isRunning(instance.getProcessInstanceKey())) {
                instance.ended(clock.instant());
                ended++;
            }
        }
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
