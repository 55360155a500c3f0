package dev.baton.commitment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One answer to a commitment step, kept when the step completes ({@link CommitmentTaskAnswers}): who
 * gave it, when, and the text written with it. Read by the step that applies the decision (for the
 * text, and for the person the audit trail names): the process carries only this row's id.
 */
@Entity
class CommitmentAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    long commitmentId;
    String reason;
    String evidence;
    String newDescription;
    String writtenBy;
    Instant writtenAt;

    protected CommitmentAnswer() {}

    CommitmentAnswer(long commitmentId, CommitmentDecision d, String writtenBy, Instant writtenAt) {
        this.commitmentId = commitmentId;
        this.reason = d.reason();
        this.evidence = d.evidence();
        this.newDescription = d.newDescription();
        this.writtenBy = writtenBy;
        this.writtenAt = writtenAt;
    }

    /** {@code d} with this answer's text in place of its own. */
    CommitmentDecision fill(CommitmentDecision d) {
        return new CommitmentDecision(
                d.decision(), reason, evidence, d.newDueDate(), newDescription, d.newOwnerUsername());
    }

    Long getId() {
        return id;
    }

    long getCommitmentId() {
        return commitmentId;
    }

    String getWrittenBy() {
        return writtenBy;
    }
}
