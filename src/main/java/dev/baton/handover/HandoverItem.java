package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.people.Person;
import dev.baton.shared.JsonMaps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * One account of a handover. Each change is guarded so that a job delivered twice finds the change
 * already made and does nothing (the methods answer whether anything changed).
 */
@Entity
public class HandoverItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "handover_id")
    Handover handover;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "successor_id")
    Person successor;

    @Enumerated(EnumType.STRING)
    HandoverStep step;

    boolean introOptOut;

    @Mutability(Immutability.class)
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> note;

    String noteBy;

    @Mutability(Immutability.class)
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> noteDraft;

    Instant noteDraftSavedAt;
    Instant noteWrittenAt;
    String question;
    String answer;
    /**
     * The question the successor's acknowledgement answer asks, kept as the step completes and made the
     * item's {@link #question} only once the process takes the answer ({@link #takeAskedQuestion}): a
     * step its process closed first asks nobody. Null when none waits.
     */
    String askedQuestion;

    String askedQuestionBy;
    /** The successor's own line for the introduction mail, or null. */
    String introPersonalLine;

    Instant transferredAt;
    /** Set while the transfer step has failed for good (an incident holds it); see {@link #transferFailed}. */
    Instant transferFailedAt;

    String transferFailure;
    Long transferProcessInstanceKey;
    Long transferElementInstanceKey;
    Instant acknowledgedAt;
    /**
     * When the introduction step was passed: the mail queued, or none to send (no usable contact). Not when
     * a mail went out (the outbox's {@code sent_at} says that): the column's old name says "sent", and read
     * so it gave a send time for introductions that never went (found by probe 47).
     */
    @Column(name = "intro_sent_at")
    Instant introStepPassedAt;
    /** Set while the introduction mail has failed for good (it then counts as not sent); see {@link #introFailed}. */
    Instant introFailedAt;

    String introFailure;
    Instant callHeldAt;
    Instant completedAt;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    protected HandoverItem() {}

    HandoverItem(Handover handover, Account account, Person successor, boolean introOptOut) {
        this.handover = handover;
        this.account = account;
        this.successor = successor;
        this.introOptOut = introOptOut;
        this.step = successor == null ? HandoverStep.CHOOSING_SUCCESSOR : HandoverStep.WRITING_NOTE;
    }

    boolean chooseSuccessor(Person chosen) {
        if (successor != null) {
            return false;
        }
        successor = chosen;
        step = HandoverStep.WRITING_NOTE;
        return true;
    }

    /** A planned successor replaced before the account has moved; false when it has moved or is the same person. */
    boolean changeSuccessor(Person to) {
        if (transferredAt != null || successor == null || successor.getId().equals(to.getId())) {
            return false;
        }
        successor = to;
        return true;
    }

    /** The departing person's unsent note, kept as typed (the batch page saves it as they write). */
    void saveDraft(Map<String, Object> values, Instant at) {
        noteDraft = JsonMaps.copyOf(values);
        noteDraftSavedAt = at;
    }

    /** The note as a job carried it: the first one stays (the job may arrive twice). */
    boolean writeNote(Map<String, Object> values, String by, Instant at) {
        if (note != null) {
            return false;
        }
        return answerNote(values, by, at);
    }

    /**
     * The note as its author answered the step: it replaces one stored before. A step's answer is
     * stored again only when the engine refused the one before for good and the author answered once
     * more (the task was open again), and then the answer the engine takes is the one to keep.
     *
     * @return whether the note changed
     */
    boolean answerNote(Map<String, Object> values, String by, Instant at) {
        if (values.equals(note) && by.equals(noteBy)) {
            return false;
        }
        note = JsonMaps.copyOf(values);
        noteBy = by;
        noteWrittenAt = at;
        return true;
    }

    boolean transferred(Instant at) {
        if (transferredAt != null) {
            return false;
        }
        transferredAt = at;
        clearTransferFailure();
        step = HandoverStep.ACKNOWLEDGING;
        return true;
    }

    /**
     * The transfer step failed for good: the engine holds it (at {@code stuck}) until it is started
     * again. False when the account has moved, or this failure of that step is known already (the
     * failure of a job delivered twice).
     */
    boolean transferFailed(Instant at, String reason, StuckTransfer stuck) {
        if (transferredAt != null || stuck.equals(stuckTransfer().orElse(null))) {
            return false;
        }
        transferFailedAt = at;
        transferFailure = reason;
        transferProcessInstanceKey = stuck.processInstanceKey();
        transferElementInstanceKey = stuck.elementInstanceKey();
        step = HandoverStep.TRANSFER_FAILED;
        return true;
    }

    /**
     * Whether the transfer step failed for good since the account last moved, held by the engine or
     * started again since ({@code HandoverItems.clearTransferFailure} keeps the instance's key as this
     * mark): only then is a problem listed for the step, to be resolved once the account moves.
     */
    boolean transferFailedBefore() {
        return transferProcessInstanceKey != null;
    }

    /** Where the engine holds the failed transfer step; empty unless it has failed for good. */
    Optional<StuckTransfer> stuckTransfer() {
        return transferFailedAt == null
                ? Optional.empty()
                : Optional.of(new StuckTransfer(transferProcessInstanceKey, transferElementInstanceKey));
    }

    private void clearTransferFailure() {
        transferFailedAt = null;
        transferFailure = null;
        transferProcessInstanceKey = null;
        transferElementInstanceKey = null;
    }

    /** Set when the successor acknowledges; blank is none. */
    void introPersonalLine(String line) {
        introPersonalLine = line == null || line.isBlank() ? null : line.strip();
    }

    String getIntroPersonalLine() {
        return introPersonalLine;
    }

    /** Keeps {@code text}, asked by {@code by}, until the process takes the answer that asks it. */
    void questionToAsk(String text, String by) {
        askedQuestion = text;
        askedQuestionBy = by;
    }

    /** The question waiting for the process ({@link #questionToAsk}), and no longer waiting; null when none. */
    Asked takeAskedQuestion() {
        Asked asked = askedQuestion == null ? null : new Asked(askedQuestion, askedQuestionBy);
        askedQuestion = null;
        askedQuestionBy = null;
        return asked;
    }

    /** A question the successor asked, and their user name. */
    record Asked(String question, String by) {}

    /**
     * The process did not take the successor's acknowledgement answer (refused for good, or the step closed
     * first): the question it kept waiting ({@link #questionToAsk}) is asked by nobody, and the line it kept
     * for the introduction mail goes with it, since only the process sends that mail and the next
     * acknowledgement writes its own. The item's open question and last answer stay as they were.
     */
    void acknowledgementNotTaken() {
        askedQuestion = null;
        askedQuestionBy = null;
        introPersonalLine = null;
    }

    /** A new question replaces an answered one; the same question asked again is the same event. */
    boolean ask(String text) {
        if (text.equals(question) && answer == null) {
            return false;
        }
        question = text;
        answer = null;
        step = HandoverStep.QUESTION_OPEN;
        return true;
    }

    /**
     * The departing person left before answering: the account is the successor's to acknowledge again,
     * the question stays on record unanswered. False when no question is open (answered meanwhile, or
     * recorded before).
     */
    boolean questionUnanswered() {
        if (step != HandoverStep.QUESTION_OPEN || answer != null) {
            return false;
        }
        step = HandoverStep.ACKNOWLEDGING;
        return true;
    }

    boolean answer(String text) {
        if (answer != null) {
            return false;
        }
        answer = text;
        step = HandoverStep.ACKNOWLEDGING;
        return true;
    }

    boolean acknowledge(Instant at) {
        if (acknowledgedAt != null) {
            return false;
        }
        acknowledgedAt = at;
        step = introOptOut ? HandoverStep.INTRO_CALL : HandoverStep.INTRODUCING;
        return true;
    }

    /** The introduction step is passed (its mail queued, or none to send): on to the call. False if known already. */
    boolean introStepPassed(Instant at) {
        if (introStepPassedAt != null) {
            return false;
        }
        introStepPassedAt = at;
        step = HandoverStep.INTRO_CALL;
        return true;
    }

    /** The introduction mail failed for good ({@code error}: the mail server's answer); false if known already. */
    boolean introFailed(Instant at, String error) {
        if (introFailedAt != null) {
            return false;
        }
        introFailedAt = at;
        introFailure = error;
        return true;
    }

    /** An admin's retry of the failed introduction went out; false if it had not failed. */
    boolean introSentAfterRetry() {
        if (introFailedAt == null) {
            return false;
        }
        introFailedAt = null;
        introFailure = null;
        return true;
    }

    boolean callHeld(Instant at) {
        if (callHeldAt != null) {
            return false;
        }
        callHeldAt = at;
        completedAt = at;
        step = HandoverStep.DONE;
        return true;
    }

    public Long getId() {
        return id;
    }

    public Handover getHandover() {
        return handover;
    }

    public Account getAccount() {
        return account;
    }

    public Person getSuccessor() {
        return successor;
    }

    public HandoverStep getStep() {
        return step;
    }

    public boolean isIntroOptOut() {
        return introOptOut;
    }

    public Map<String, Object> getNote() {
        return JsonMaps.view(note);
    }

    public Map<String, Object> getNoteDraft() {
        return JsonMaps.view(noteDraft);
    }

    public Instant getNoteDraftSavedAt() {
        return noteDraftSavedAt;
    }

    public String getNoteBy() {
        return noteBy;
    }

    public Instant getNoteWrittenAt() {
        return noteWrittenAt;
    }

    public String getQuestion() {
        return question;
    }

    public String getAnswer() {
        return answer;
    }

    public Instant getTransferredAt() {
        return transferredAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    /** Why the transfer failed for good, while it stands; null otherwise. */
    public String getTransferFailure() {
        return transferFailure;
    }

    public Instant getIntroFailedAt() {
        return introFailedAt;
    }

    public String getIntroFailure() {
        return introFailure;
    }

    /** When the introduction step was passed, mail or not ({@link #introStepPassed}); null before. */
    public Instant getIntroStepPassedAt() {
        return introStepPassedAt;
    }

    public Instant getCallHeldAt() {
        return callHeldAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
