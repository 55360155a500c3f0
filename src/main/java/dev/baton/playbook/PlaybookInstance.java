package dev.baton.playbook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A playbook run: a process instance Baton started, or one the engine started itself ({@link
 * #startedHow}: a timer or signal start event, a call from a recorded run); {@link #endedAt} once the
 * engine no longer has it.
 */
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

    /**
     * How the run started: {@link #LAUNCHED} for a run Baton started (the catalogue's launch, Baton's own
     * starts; null in rows written before session 43, read as {@code LAUNCHED}); else how the engine started
     * it: {@code TIMER}, {@code SIGNAL}, {@code ENGINE} (a plain start Baton did not make) or {@code CALL}
     * (then {@link #calledBy} is the caller).
     */
    String startedHow;

    /** {@link #startedHow} of a run Baton started itself: launched from the catalogue, or one of Baton's own. */
    public static final String LAUNCHED = "LAUNCHED";

    /** {@link #getStartedHow} as the API documents it (OpenAPI), for each answer that carries it. */
    public static final String STARTED_HOW_API = "How the run started: LAUNCHED (Baton started it: launched from"
            + " the catalogue, startedBy says who, or one of Baton's own starts), TIMER or SIGNAL (a start event of"
            + " the playbook), ENGINE (a start Baton did not make) or CALL (a call activity of another run,"
            + " calledBy). Never null";

    /** The run whose call activity started this one, or null. */
    Long calledBy;

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
        this.startedHow = LAUNCHED;
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

    /**
     * How the run started ({@link #startedHow}): {@link #LAUNCHED}, {@code TIMER}, {@code SIGNAL}, {@code ENGINE}
     * or {@code CALL}; never null (a row from before Baton recorded launches as such reads {@code LAUNCHED}:
     * only the engine's starts were marked then; session 43's probe found launched runs' {@code startedHow}
     * null in the API).
     */
    public String getStartedHow() {
        return startedHow == null ? LAUNCHED : startedHow;
    }

    public Long getCalledBy() {
        return calledBy;
    }

    /**
     * How the engine started a run Baton did not launch, in words for the run list and page ("started by its
     * timer"); null for a run Baton launched (its {@link #getStartedBy} says who).
     */
    public String getStartedHowInWords() {
        return switch (getStartedHow()) {
            case LAUNCHED -> null;
            case "TIMER" -> "started by its timer";
            case "SIGNAL" -> "started by a signal";
            case "CALL" -> "called by run " + calledBy;
            default -> "started outside Baton";
        };
    }
}
