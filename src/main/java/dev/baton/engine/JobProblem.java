package dev.baton.engine;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;

/**
 * A job Baton failed with no retries left (an engine incident): a user-task job it could not turn
 * into a task, a building block given a wrong input, a handover's transfer that failed for good.
 * Resolved when Baton itself started the step again (see {@link JobProblems#resolve}).
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

    /** When Baton saw the step started again; null while the problem stands. */
    public Instant getResolvedAt() {
        return resolvedAt;
    }

    /** How it was resolved, e.g. "maria chose another successor: Nia"; null while the problem stands. */
    public String getResolution() {
        return resolution;
    }
}
