package dev.baton.engine;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;

/**
 * A job that failed with no retries left (an engine incident): any worker's step that failed for
 * good ({@code JobFailures}: its last retry, a building block given a wrong input, a handover's
 * transfer), a user-task job Baton could not turn into a task.
 * One problem per step and cause: the step failing again for the same reason (a retry before the
 * cause was fixed) counts on this row ({@link #failedAgain}). Resolved when Baton saw the step get
 * through (see {@link JobProblems#resolve}).
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
        this.jobKey = jobKey;
        this.processInstanceKey = processInstanceKey;
        this.bpmnProcessId = bpmnProcessId;
        this.elementId = elementId;
        this.deliveries = deliveries;
        this.message = message;
    }

    /**
     * The step failed for good again for the same cause, as job {@code jobKey} (after {@code
     * deliveries}): a new job of the step (started again), or the same job once an admin gave it
     * retries, as the engine keeps a job's key then (session 38's probe: such a failure counted
     * nothing, the page kept "1 failure" and its first time). A job the engine handed out twice at once
     * (its activation timed out while the first worker still ran) failing on both counts twice.
     */
    void failedAgain(long jobKey, int deliveries, Instant at) {
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
