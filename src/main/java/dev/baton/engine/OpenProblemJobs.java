package dev.baton.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The jobs whose problem still stands on the admins' page, by job key, kept in memory so that a job
 * that goes through costs no database round trip unless it is one of them: then its problem is marked
 * resolved, "the step went through" (a feature that resolved it in its own words before, e.g. a
 * handover's transfer, keeps those). By job, not by step: the engine keeps a job's key when an admin
 * gives it retries, and a step's other jobs (the parallel instances of a multi-instance step, found by
 * session 38's probe) going through say nothing of the one that failed.
 *
 * <p>Loaded before the workers start, refreshed every {@code baton.problems.refresh-every} (default
 * one minute), and added to at once when this instance lists a problem. With several Baton instances
 * on one database, a problem another instance listed is known here only from the next refresh: a job
 * that goes through on this instance within that interval of its listing leaves the problem standing
 * (an admin sees the run moved on). A problem resolved elsewhere leaves the set at the next refresh;
 * until then its job going through costs one update that finds nothing. The database being down leaves
 * the set as it was.
 */
@Component
class OpenProblemJobs implements SmartInitializingSingleton {

    static final String WENT_THROUGH = "the step went through";
    private static final Logger log = LoggerFactory.getLogger(OpenProblemJobs.class);

    private final JobProblems problems;
    private final Clock clock;
    /** Each job key with the refresh round in which this instance listed it (0: read from the database). */
    private final Map<Long, Long> open = new ConcurrentHashMap<>();

    private final AtomicLong round = new AtomicLong();

    OpenProblemJobs(JobProblems problems, Clock clock) {
        this.problems = problems;
        this.clock = clock;
    }

    /** Lists the problem ({@link JobProblems#list}: once per step and cause) and remembers its job. */
    void list(ActivatedJob job, int deliveries, String message) {
        problems.list(job, deliveries, message);
        open.put(job.getKey(), round.get());
    }

    /** The job went through: resolves its problem, if one stands. Never throws. */
    void wentThrough(ActivatedJob job) {
        if (open.isEmpty() || !open.containsKey(job.getKey())) {
            return;
        }
        try {
            problems.resolveJob(job.getKey(), WENT_THROUGH, clock.instant());
            open.remove(job.getKey());
        } catch (RuntimeException e) {
            log.warn("job {} went through, its problem is still listed: {}", job.getKey(), e.toString());
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
    }

    /**
     * Replaces the set with the database's, keeping the jobs this instance listed meanwhile (their rows
     * may be newer than the query).
     */
    @Scheduled(
            initialDelayString = "${baton.problems.refresh-every:PT1M}",
            fixedDelayString = "${baton.problems.refresh-every:PT1M}")
    void refresh() {
        long now = round.incrementAndGet();
        Set<Long> stored;
        try {
            stored = Set.copyOf(problems.findOpenJobKeys());
        } catch (RuntimeException e) {
            log.warn("open problems not read, kept as they were: {}", e.toString());
            return;
        }
        stored.forEach(key -> open.putIfAbsent(key, 0L));
        open.entrySet().removeIf(e -> e.getValue() < now && !stored.contains(e.getKey()));
    }
}
