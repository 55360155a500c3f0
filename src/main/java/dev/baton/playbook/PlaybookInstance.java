package dev.baton.playbook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A process instance Baton started; {@link #endedAt} once the engine no longer has it. */
@Entity
public class PlaybookInstance {

    @Id
    long processInstanceKey;

    String bpmnProcessId;
    int processVersion;
    long processDefinitionKey;
    Long accountId;
    String startedBy;
    Instant startedAt;
    Instant endedAt;
    /** Who cancelled the run (then {@link #endedAt} is when), or null when it ended by itself or runs. */
    String canceledBy;

    String cancelReason;

    protected PlaybookInstance() {}

    PlaybookInstance(
            long key, String processId, int version, long definitionKey, Long accountId, String startedBy, Instant at) {
        this.processInstanceKey = key;
        this.bpmnProcessId = processId;
        this.processVersion = version;
        this.processDefinitionKey = definitionKey;
        this.accountId = accountId;
        this.startedBy = startedBy;
        this.startedAt = at;
    }

    /** Marks the instance ended (completed or cancelled): the engine no longer has it. */
    void ended(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }

    /**
     * Records that {@code by} cancelled the run in the engine: ended {@code at} unless the sweep saw it
     * gone first (then the sweep's time stays).
     *
     * @return false, changing nothing, when another cancel was recorded first
     */
    boolean canceled(String by, String reason, Instant at) {
        if (canceledBy != null) {
            return false;
        }
        ended(at);
        canceledBy = by;
        cancelReason = reason;
        return true;
    }

    /** Moved to another version of its process (process instance migration). */
    void migrated(int version, long definitionKey) {
        this.processVersion = version;
        this.processDefinitionKey = definitionKey;
    }

    public long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getBpmnProcessId() {
        return bpmnProcessId;
    }

    public int getProcessVersion() {
        return processVersion;
    }

    public long getProcessDefinitionKey() {
        return processDefinitionKey;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getCanceledBy() {
        return canceledBy;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
