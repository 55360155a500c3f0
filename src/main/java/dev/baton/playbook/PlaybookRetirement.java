package dev.baton.playbook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A retired playbook ({@link PlaybookRetirements}): not launched, hidden from the catalogue, its timer and
 * signal start events gone from its newest version; its runs go on. Deleted when it is brought back.
 */
@Entity
public class PlaybookRetirement {

    @Id
    String bpmnProcessId;

    String retiredBy;
    Instant retiredAt;

    /** The kept upload deployed again when it is brought back, or null when retiring deployed nothing. */
    Long restoreUploadId;

    protected PlaybookRetirement() {}

    PlaybookRetirement(String processId, String by, Instant at, Long restoreUploadId) {
        this.bpmnProcessId = processId;
        this.retiredBy = by;
        this.retiredAt = at;
        this.restoreUploadId = restoreUploadId;
    }

    public String getBpmnProcessId() {
        return bpmnProcessId;
    }

    public String getRetiredBy() {
        return retiredBy;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }

    /**
     * Whether retiring it deployed Baton's copy without its timer and signal start events (it had some), so they
     * start no run; false when it had none.
     */
    public boolean stoppedStartEvents() {
        return restoreUploadId != null;
    }

    Long getRestoreUploadId() {
        return restoreUploadId;
    }
}
