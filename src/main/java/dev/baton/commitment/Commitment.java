package dev.baton.commitment;

import static dev.baton.commitment.CommitmentStatus.ACCEPTED;
import static dev.baton.commitment.CommitmentStatus.BREACHED;
import static dev.baton.commitment.CommitmentStatus.CANCELLED;
import static dev.baton.commitment.CommitmentStatus.DELIVERED;
import static dev.baton.commitment.CommitmentStatus.PROPOSED;
import static dev.baton.commitment.CommitmentStatus.REJECTED;
import static dev.baton.commitment.CommitmentStatus.VERIFIED;

import dev.baton.account.Account;
import dev.baton.account.Contact;
import dev.baton.people.Person;
import dev.baton.people.Team;
import dev.baton.task.TaskSubject;
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
import java.time.LocalDate;
import java.util.Arrays;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * A promise made to a customer. State changes are guarded here: each method throws {@link
 * IllegalCommitmentTransition} when the commitment is not in a state it may be changed from.
 */
@Entity
public class Commitment {

    /**
     * The longest description a commitment may have, however it gets one: recorded ({@link
     * NewCommitment}, the promise form, an import) or renegotiated through its task ({@link
     * CommitmentProcessSteps#check}).
     */
    public static final int DESCRIPTION_MAX = 4000;

    /**
     * The longest reason (to reject, cancel, reopen, breach, reschedule) or delivery evidence a
     * commitment keeps, given through the API or through one of its tasks.
     */
    public static final int NOTE_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", updatable = false)
    Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    Contact contact;

    @Column(nullable = false)
    String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "made_by_id", updatable = false)
    Person madeBy;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    Person owner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "delivering_team_id")
    Team deliveringTeam;

    @Column(nullable = false)
    LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CommitmentStatus status = PROPOSED;

    String statusReason;
    String deliveryEvidence;

    /** The process instance following this commitment; null until its first step ran (set by {@link Commitments}). */
    @Column(updatable = false, insertable = false)
    Long processInstanceKey;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    @UpdateTimestamp
    Instant updatedAt;

    protected Commitment() {}

    public Commitment(
            Account account,
            Contact contact,
            String description,
            Person madeBy,
            Person owner,
            Team deliveringTeam,
            LocalDate dueDate) {
        if (contact != null && !contact.getAccount().getId().equals(account.getId())) {
            throw new IllegalArgumentException(
                    "contact " + contact.getId() + " does not belong to account " + account.getId());
        }
        this.account = account;
        this.contact = contact;
        this.description = description;
        this.madeBy = madeBy;
        this.deliveringTeam = deliveringTeam;
        this.dueDate = dueDate;
        assignTo(owner);
    }

    /** Only an active person may own a commitment; an open commitment may lose its owner only by reassignment. */
    public void assignTo(Person newOwner) {
        if (newOwner != null && !newOwner.isActive()) {
            throw new IllegalArgumentException(newOwner.getUsername() + " is inactive and cannot own a commitment");
        }
        if (!status.isOpen()) {
            throw new IllegalCommitmentTransition(this, "be reassigned");
        }
        this.owner = newOwner;
    }

    public void accept() {
        require("be accepted", PROPOSED);
        if (owner == null) {
            throw new IllegalCommitmentTransition(this, "be accepted without an owner");
        }
        status = ACCEPTED;
        statusReason = null;
    }

    public void reject(String reason) {
        require("be rejected", PROPOSED);
        status = REJECTED;
        statusReason = reason;
    }

    /** After a rejection, the maker renegotiates with the customer: new terms, proposed again. */
    public void renegotiate(String newDescription, LocalDate newDueDate) {
        require("be renegotiated", REJECTED);
        description = newDescription;
        dueDate = newDueDate;
        status = PROPOSED;
        statusReason = null;
    }

    /**
     * A new due date agreed with the customer. Its reason is the audit's (and so the history's), not a
     * reason for the status, which has not changed: the status reason stays as it was (the probe saw
     * "Accepted: Customer asked to move…" on the page, as if the move were why it was accepted).
     */
    public void reschedule(LocalDate newDueDate) {
        require("be rescheduled", PROPOSED, ACCEPTED);
        dueDate = newDueDate;
    }

    public void deliver(String evidence) {
        require("be delivered", ACCEPTED);
        status = DELIVERED;
        deliveryEvidence = evidence;
    }

    public void verify() {
        require("be verified", DELIVERED);
        status = VERIFIED;
    }

    /** The customer says it was not delivered after all. */
    public void reopen(String reason) {
        require("be reopened", DELIVERED);
        status = ACCEPTED;
        statusReason = reason;
    }

    public void breach(String reason) {
        require("be marked breached", PROPOSED, ACCEPTED);
        status = BREACHED;
        statusReason = reason;
    }

    public void cancel(String reason) {
        require("be canceled", PROPOSED, ACCEPTED, REJECTED);
        status = CANCELLED;
        statusReason = reason;
    }

    /** The stage of its life the commitment process must be at now; an inactive owner counts as none. */
    public CommitmentStage stage() {
        return switch (status) {
            case VERIFIED, BREACHED, CANCELLED -> CommitmentStage.CLOSED;
            case REJECTED -> owner == null || !owner.isActive() ? CommitmentStage.ASSIGN : CommitmentStage.RENEGOTIATE;
            case DELIVERED -> CommitmentStage.VERIFY;
            case PROPOSED, ACCEPTED ->
                owner == null || !owner.isActive()
                        ? CommitmentStage.ASSIGN
                        : status == PROPOSED ? CommitmentStage.ACCEPT : CommitmentStage.DELIVER;
        };
    }

    public boolean isOverdue(LocalDate today) {
        return CommitmentStatus.AWAITING_DELIVERY.contains(status) && dueDate.isBefore(today);
    }

    /** Words in a message longer than this are cut: the whole promise is on its page. */
    private static final int WORDS_MAX = 80;

    /**
     * The commitment as a message names it: by its words, quoted and cut at 80 characters ({@code
     * commitment "Send the SOC 2 report"}); the one way refusals, conflicts and import reports name one.
     */
    public String named() {
        return named(description);
    }

    /** {@link #named()} and the account it was made to ({@code commitment "Send the SOC 2 report" to Acme GmbH}). */
    public String namedWithAccount() {
        return named(description, account.getName());
    }

    /** {@link #named()} of a commitment read without its entity (an import's look-up). */
    static String named(String description) {
        String words = description;
        if (words.length() > WORDS_MAX) {
            int end = Character.isHighSurrogate(words.charAt(WORDS_MAX - 1)) ? WORDS_MAX - 1 : WORDS_MAX;
            words = words.substring(0, end).strip() + "…";
        }
        return "commitment \"" + words + "\"";
    }

    /** {@link #namedWithAccount()} of a commitment read without its entity (an import's look-up). */
    static String named(String description, String accountName) {
        return named(description) + " to " + accountName;
    }

    private void require(String change, CommitmentStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new IllegalCommitmentTransition(this, change);
        }
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public Contact getContact() {
        return contact;
    }

    public String getDescription() {
        return description;
    }

    public Person getMadeBy() {
        return madeBy;
    }

    public Person getOwner() {
        return owner;
    }

    public Team getDeliveringTeam() {
        return deliveringTeam;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public CommitmentStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getDeliveryEvidence() {
        return deliveryEvidence;
    }

    /** What the commitment process's user tasks are about: {@code baton:subjectType} "commitment" and this id. */
    public TaskSubject taskSubject() {
        return taskSubject(id);
    }

    /** {@link #taskSubject()} of the commitment with this id, without reading it. */
    public static TaskSubject taskSubject(long commitmentId) {
        return new TaskSubject(CommitmentTaskContext.SUBJECT_TYPE, commitmentId);
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
