package dev.baton.engine;

import dev.baton.shared.AdvisoryLocks;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The jobs whose problem still stands on the admins' page, by job key, kept in memory so that a job
 * that goes through costs no database round trip unless it is one of them: then its problem is marked
 * resolved, "the step went through", once none of its jobs waits (a feature that resolved it in its
 * own words before, e.g. a handover's transfer, keeps those). By job, not by step: the engine keeps a
 * job's key when an admin gives it retries, and a step's other jobs (the parallel instances of a
 * multi-instance step, found by session 38's probe) going through say nothing of the one that failed;
 * two of them that failed for one cause each hold the problem until it goes through (session 39).
 *
 * <p>The one way a feature lists a job that failed for good ({@link #list}): with the names of its
 * playbook and step in the model the job ran, and the run it belongs to (with the embedded engine,
 * the instance at the top of its calls, {@link ActiveElements#callers}; on a cluster, which cannot
 * tell, its own instance), so the admins' page names and links it and the run's end resolves it.
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
public class OpenProblemJobs implements SmartInitializingSingleton {

    static final String WENT_THROUGH = "the step went through";
    private static final Logger log = LoggerFactory.getLogger(OpenProblemJobs.class);

    private final JobProblems problems;
    private final Clock clock;
    private final ProcessModels models;
    private final ActiveElements engine; // null on a cluster: callers not known
    private final TransactionOperations tx;
    private final AdvisoryLocks locks;
    /** Each job key with the refresh round in which this instance listed it (0: read from the database). */
    private final Map<Long, Long> open = new ConcurrentHashMap<>();

    private final AtomicLong round = new AtomicLong();

    @Autowired
    OpenProblemJobs(
            JobProblems problems,
            Clock clock,
            ProcessModels models,
            ObjectProvider<ActiveElements> engine,
            TransactionOperations tx,
            AdvisoryLocks locks) {
        this(problems, clock, models, engine.getIfAvailable(), tx, locks);
    }

    OpenProblemJobs(
            JobProblems problems,
            Clock clock,
            ProcessModels models,
            ActiveElements engine,
            TransactionOperations tx,
            AdvisoryLocks locks) {
        this.problems = problems;
        this.clock = clock;
        this.models = models;
        this.engine = engine;
        this.tx = tx;
        this.locks = locks;
    }

    /**
     * Lists the job, which failed for good (an engine incident holds its step), as a problem on the
     * admins' page ({@link JobProblems#list}: once per step and cause), and remembers it, so that the
     * job going through resolves it. Never throws: the incident stands in the engine, listed or not.
     *
     * @param deliveries how many times the engine handed the job to Baton before it failed for good
     * @param message what failed and why, in words for the admins, naming what to fix
     */
    public void list(ActivatedJob job, int deliveries, String message) {
        long definition = job.getProcessDefinitionKey();
        try {
            JobProblem failed = new JobProblem(
                    job.getKey(),
                    job.getProcessInstanceKey(),
                    job.getBpmnProcessId(),
                    job.getElementId(),
                    models.processName(definition, job.getBpmnProcessId()),
                    models.elementName(definition, job.getBpmnProcessId(), job.getElementId()),
                    runOf(job.getProcessInstanceKey()),
                    deliveries,
                    message);
            // one at a time: two jobs of a step failing at once (found by session 39's test: each made its own)
            tx.executeWithoutResult(status -> {
                locks.hold(AdvisoryLocks.Subject.JOB_PROBLEMS);
                problems.list(failed);
            });
        } catch (RuntimeException e) {
            log.error(
                    "incident for job {} raised in the engine but not listed in Baton: {}", job.getKey(), e.toString());
        }
        open.put(job.getKey(), round.get());
    }

    /** The instance at the top of the instance's calls: its own key when it was not called or it is not known. */
    private long runOf(long processInstanceKey) {
        if (engine == null) {
            return processInstanceKey;
        }
        try {
            List<Long> callers = engine.callers(processInstanceKey);
            return callers.isEmpty() ? processInstanceKey : callers.getLast();
        } catch (RuntimeException e) {
            log.warn("the run of instance {} not known: {}", processInstanceKey, e.toString());
            return processInstanceKey;
        }
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
