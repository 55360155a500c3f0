package dev.baton.engine;

import dev.baton.engine.JobProblems.OpenStep;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The steps (process instance key, element id) whose problem still stands on the admins' page, kept
 * in memory so that a job that goes through costs no database round trip unless its step is one of
 * them: then its problems are marked resolved, "the step went through" (a feature that resolved them
 * in its own words before, e.g. a handover's transfer, keeps those).
 *
 * <p>Loaded before the workers start, refreshed every {@code baton.problems.refresh-every} (default
 * one minute), and added to at once when this instance lists a problem. With several Baton instances
 * on one database, a problem another instance listed is known here only from the next refresh: a step
 * that goes through on this instance within that interval of its listing leaves the problem standing
 * (an admin sees the run moved on). A problem resolved elsewhere leaves the set at the next refresh;
 * until then a job of its step costs one update that finds nothing. The database being down leaves
 * the set as it was.
 */
@Component
class OpenProblemSteps implements SmartInitializingSingleton {

    static final String WENT_THROUGH = "the step went through";
    private static final Logger log = LoggerFactory.getLogger(OpenProblemSteps.class);

    private final JobProblems problems;
    private final Clock clock;
    /** Each step with the refresh round in which this instance listed it (0: read from the database). */
    private final Map<OpenStep, Long> open = new ConcurrentHashMap<>();

    private final AtomicLong round = new AtomicLong();

    OpenProblemSteps(JobProblems problems, Clock clock) {
        this.problems = problems;
        this.clock = clock;
    }

    /** Lists the problem ({@link JobProblems#list}: once per step and cause) and remembers its step. */
    void list(ActivatedJob job, int deliveries, String message) {
        problems.list(job, deliveries, message);
        open.put(new OpenStep(job.getProcessInstanceKey(), job.getElementId()), round.get());
    }

    /** The job went through: resolves what stands at its step, if anything does. Never throws. */
    void wentThrough(ActivatedJob job) {
        if (open.isEmpty()) {
            return;
        }
        OpenStep step = new OpenStep(job.getProcessInstanceKey(), job.getElementId());
        if (!open.containsKey(step)) {
            return;
        }
        try {
            problems.resolve(step.processInstanceKey(), step.elementId(), WENT_THROUGH, clock.instant());
            open.remove(step);
        } catch (RuntimeException e) {
            log.warn("step {} went through, its problem is still listed: {}", step, e.toString());
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
    }

    /**
     * Replaces the set with the database's, keeping the steps this instance listed meanwhile (their
     * rows may be newer than the query).
     */
    @Scheduled(
            initialDelayString = "${baton.problems.refresh-every:PT1M}",
            fixedDelayString = "${baton.problems.refresh-every:PT1M}")
    void refresh() {
        long now = round.incrementAndGet();
        Set<OpenStep> stored;
        try {
            stored = problems.findOpenSteps().stream().collect(Collectors.toSet());
        } catch (RuntimeException e) {
            log.warn("open problems not read, kept as they were: {}", e.toString());
            return;
        }
        stored.forEach(step -> open.putIfAbsent(step, 0L));
        open.entrySet().removeIf(e -> e.getValue() < now && !stored.contains(e.getKey()));
    }
}
