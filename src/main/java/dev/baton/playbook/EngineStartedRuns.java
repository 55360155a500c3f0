package dev.baton.playbook;

import dev.baton.engine.EngineStarts;
import dev.baton.engine.EngineStarts.Start;
import dev.baton.engine.RunsWatchedElsewhere;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records as runs of their playbook the instances the engine started without Baton's start command
 * (session 42's probe: a timer start event's runs reached the team's inbox, but were not counted, not
 * listed, and could not be canceled): a timer or signal start event's at once ({@code TIMER}, {@code
 * SIGNAL}), a plain start Baton did not make (a create command from {@code zbctl}) once {@link
 * #PLAIN_START_GRACE} has passed without Baton's own record ({@code ENGINE}), and an instance a recorded
 * run called ({@code CALL}, with the caller's key), so that a caller's page links its called runs.
 * Message starts are Baton's own (uploads may not wait for messages), and the processes a feature
 * watches on its own page ({@link RunsWatchedElsewhere}) are left to it. Idempotent: a run recorded
 * already is left as it is.
 *
 * <p>Embedded mode only: the engine's starts are read from the in-process engine's record log ({@link
 * EngineStarts}); on a cluster Baton cannot see them.
 */
@Component
class EngineStartedRuns {

    /** How long a plain start may wait for the launch's own record (written just after the start). */
    static final Duration PLAIN_START_GRACE = Duration.ofSeconds(30);

    /** How long a called instance waits for its caller's record before it is no longer looked for. */
    static final Duration CALLER_WAIT = Duration.ofMinutes(10);

    private record Pending(Start start, long seenAt) {}

    private final ObjectProvider<EngineStarts> starts;
    private final PlaybookInstances instances;
    private final Set<String> watchedElsewhere = new HashSet<>();
    private final Map<Long, Pending> pending = new LinkedHashMap<>();

    EngineStartedRuns(
            ObjectProvider<EngineStarts> starts,
            PlaybookInstances instances,
            List<RunsWatchedElsewhere> watchedElsewhere) {
        this.starts = starts;
        this.instances = instances;
        watchedElsewhere.forEach(
                feature -> this.watchedElsewhere.addAll(feature.watched().keySet()));
    }

    /**
     * Reads the engine's new starts and records those due; a run started on its own by a plain start
     * event waits for {@link #PLAIN_START_GRACE}, a called one for its caller's record.
     *
     * @return how many runs were recorded now; 0 on a cluster
     */
    synchronized int recordNew() {
        return recordNew(System.nanoTime(), PLAIN_START_GRACE);
    }

    /** As {@link #recordNew()}, with the time and the plain starts' grace given (tests: no waiting). */
    synchronized int recordNew(long nowNanos, Duration plainStartGrace) {
        EngineStarts engine = starts.getIfAvailable();
        if (engine == null) {
            return 0;
        }
        for (Start s : engine.newStarts()) {
            if (!"MESSAGE".equals(s.startEventType()) && !watchedElsewhere.contains(s.processId())) {
                pending.put(s.processInstanceKey(), new Pending(s, nowNanos));
            }
        }
        int recorded = 0;
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            Start s = p.start();
            Duration waited = Duration.ofNanos(nowNanos - p.seenAt());
            String how = null;
            if (s.calledBy() != null) {
                if (instances.existsById(s.calledBy())) {
                    how = "CALL";
                } else if (waited.compareTo(CALLER_WAIT) >= 0) {
                    it.remove(); // called by a run Baton does not record (a handover's, say)
                }
            } else if ("TIMER".equals(s.startEventType()) || "SIGNAL".equals(s.startEventType())) {
                how = s.startEventType();
            } else if (waited.compareTo(plainStartGrace) >= 0) {
                how = "ENGINE"; // a launch's own record, written since, wins: nothing is changed then
            }
            if (how != null) {
                recorded += instances.insertIfAbsent(
                        s.processInstanceKey(),
                        s.processId(),
                        s.version(),
                        s.definitionKey(),
                        s.at(),
                        how,
                        s.calledBy());
                it.remove();
            }
        }
        return recorded;
    }

    @Component
    @ConditionalOnProperty(name = "baton.playbooks.sweep-on-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final EngineStartedRuns runs;

        Schedule(EngineStartedRuns runs) {
            this.runs = runs;
        }

        @Scheduled(
                fixedDelayString = "${baton.playbooks.engine-starts-every:PT5S}",
                initialDelayString = "${baton.playbooks.engine-starts-every:PT5S}")
        void run() {
            runs.recordNew();
        }
    }
}
