package dev.baton.engine;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resolves the problems of instances the engine no longer has, "the run ended" (session 39: a run
 * canceled outside Baton, in Operate, or a commitment's or lead's run that a feature ended, left its
 * problem open for ever). A run Baton cancels resolves its own at once, in words naming who did it.
 * One cheap command per instance with an open problem ({@link ProcessInstances#isRunning}, on any
 * engine), oldest problem first, every few minutes. Off in tests, which call {@link #sweep(int)}.
 */
@Component
class ProblemsOfEndedRuns {

    private static final Logger log = LoggerFactory.getLogger(ProblemsOfEndedRuns.class);

    private final JobProblems problems;
    private final ProcessInstances engine;
    private final Clock clock;

    ProblemsOfEndedRuns(JobProblems problems, ProcessInstances engine, Clock clock) {
        this.problems = problems;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Asks the engine about the instances of at most {@code limit} open problems (no transaction open
     * meanwhile) and resolves those of the instances it no longer has, and of the instances they
     * called; returns how many it resolved.
     *
     * @throws RuntimeException when the engine does not answer: what was asked before stays resolved
     */
    int sweep(int limit) {
        List<Long> open = problems.findOpenInstanceKeys(PageRequest.of(0, limit));
        int resolved = 0;
        for (long key : open) {
            if (!engine.isRunning(key)) {
                resolved += problems.resolveRun(key, JobProblems.RUN_ENDED, clock.instant());
            }
        }
        return resolved;
    }

    @Component
    @ConditionalOnProperty(name = "baton.problems.sweep-on-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final ProblemsOfEndedRuns sweep;

        Schedule(ProblemsOfEndedRuns sweep) {
            this.sweep = sweep;
        }

        @Scheduled(
                fixedDelayString = "${baton.problems.sweep-delay:PT5M}",
                initialDelayString = "${baton.problems.sweep-delay:PT5M}")
        void run() {
            try {
                sweep.sweep(200);
            } catch (RuntimeException e) {
                log.warn("problems of ended runs not checked: {}", e.toString());
            }
        }
    }
}
