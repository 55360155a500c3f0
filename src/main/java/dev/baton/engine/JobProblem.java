package dev.baton.engine;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A job that failed with no retries left (an engine incident): any worker's step that failed for
 * good ({@code JobFailures}: its last retry, a building block given a wrong input, a handover's
 * transfer), a user-task job Baton could not turn into a task.
 * One problem per step and cause: the step failing again for the same reason (a retry before the
 * cause was fixed, or another job of the step: a multi-instance step's parallel instances) counts on
 * this row ({@link #failedAgain}), which keeps every job still waiting on it. Resolved when Baton saw
 * the step get through: each of those jobs ({@link JobProblems#resolveJob}), the step however started
 * again ({@link JobProblems#resolve}), or its run canceled or ended ({@link JobProblems#resolveRun}).
 */
@Entity
public class JobProblem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    long jobKey;
    long processInstanceKey;
    String bpmnProcessId;
    String elementId;
    String playbookName;
    String elementName;
    long runKey;

    /** The jobs that failed for good for this cause and have not gone through since. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    List<Long> openJobKeys = new ArrayList<>();

    int deliveries;
    String message;

    @CreationTimestamp
    Instant createdAt;

    int failures = 1;

    @CreationTimestamp
    Instant lastFailedAt;

    Instant resolvedAt;
    String resolution;

    protected JobProblem() {}

    JobProblem(
            long jobKey,
            long processInstanceKey,
            String bpmnProcessId,
            String elementId,
            int deliveries,
            String message) {
        this(jobKey, processInstanceKey, bpmnProcessId, elementId, null, null, processInstanceKey, deliveries, message);
    }

    /**
     * @param playbookName the name of the step's process in its model, or null when it has none
     * @param elementName the step's name in its model, or null when it has none
     * @param runKey the run the step belongs to: the instance at the top of its calls, or its own
     */
    JobProblem(
            long jobKey,
            long processInstanceKey,
            String bpmnProcessId,
            String elementId,
            String playbookName,
            String elementName,
            long runKey,
            int deliveries,
            String message) {
        this.jobKey = jobKey;
        this.processInstanceKey = processInstanceKey;
        this.bpmnProcessId = bpmnProcessId;
        this.elementId = elementId;
        this.playbookName = playbookName;
        this.elementName = elementName;
        this.runKey = runKey;
        this.deliveries = deliveries;
        this.message = message;
        this.openJobKeys = new ArrayList<>(List.of(jobKey));
    }

    /**
     * The step failed for good again for the same cause, as job {@code jobKey} (after {@code
     * deliveries}): a new job of the step (started again), or the same job once an admin gave it
     * retries, as the engine keeps a job's key then (session 38's probe: such a failure counted
     * nothing, the page kept "1 failure" and its first time). A job the engine handed out twice at once
     * (its activation timed out while the first worker still ran) failing on both counts twice. Another
     * job of the step (a parallel instance of a multi-instance step) joins the jobs the problem waits
     * on: it stands until each has gone through.
     */
    void failedAgain(long jobKey, int deliveries, Instant at) {
        if (!openJobKeys.contains(jobKey)) {
            List<Long> keys = new ArrayList<>(openJobKeys);
            keys.add(jobKey);
            openJobKeys = keys; // a new list: the column is written when the field changes
        }
        this.jobKey = jobKey;
        this.deliveries = deliveries;
        failures++;
        lastFailedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getJobKey() {
        return jobKey;
    }

    public long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getBpmnProcessId() {
        return bpmnProcessId;
    }

    public String getElementId() {
        return elementId;
    }

    /** The name of the step's process in the model its job ran, or null (none, or listed before V80). */
    public String getPlaybookName() {
        return playbookName;
    }

    /** The step's name in the model its job ran, or null (none, or listed before V80). */
    public String getElementName() {
        return elementName;
    }

    /**
     * The process instance key of the run the step belongs to: the instance started on its own at the
     * top of the step's calls, or the step's own instance (not called, or the engine could not tell).
     */
    public long getRunKey() {
        return runKey;
    }

    /** The keys of the jobs that failed for this cause and have not gone through since (the last one failed: {@link #getJobKey}). */
    public List<Long> getOpenJobKeys() {
        return List.copyOf(openJobKeys);
    }

    /** How many times the engine handed the job to Baton before it gave up (1: a fault in the model). */
    public int getDeliveries() {
        return deliveries;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** How many times the step failed for good for this cause (1, more when retried before the cause was fixed). */
    public int getFailures() {
        return failures;
    }

    /** When the step last failed for good for this cause ({@link #getCreatedAt} the first time). */
    public Instant getLastFailedAt() {
        return lastFailedAt;
    }

    /** When Baton saw the step get through; null while the problem stands. */
    public Instant getResolvedAt() {
        return resolvedAt;
    }

    /** How it was resolved, e.g. "the transfer went through: the account moved to nia"; null while it stands. */
    public String getResolution() {
        return resolution;
    }
}
