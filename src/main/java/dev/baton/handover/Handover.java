package dev.baton.handover;

import dev.baton.people.Person;
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
import org.hibernate.annotations.CreationTimestamp;

/** One manager-launched move of a person's whole book; its accounts are {@link HandoverItem}s. */
@Entity
public class Handover {

    public enum LeaveOutcome {
        RETURNED,
        KEPT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "departing_id")
    Person departing;

    @Column(nullable = false)
    String launchedBy;

    @Enumerated(EnumType.STRING)
    HandoverReason reason;

    LocalDate effectiveDate;
    LocalDate endDate;

    @Enumerated(EnumType.STRING)
    HandoverStatus status = HandoverStatus.STARTING;

    Long processInstanceKey;

    @Enumerated(EnumType.STRING)
    LeaveOutcome leaveOutcome;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    Instant completedAt;
    String cancelledBy;
    String cancelReason;

    /** Open leads of the departing person this handover moved on (see HandoverLeads). */
    int leadsMoved;

    protected Handover() {}

    Handover(Person departing, String launchedBy, HandoverReason reason, LocalDate effectiveDate, LocalDate endDate) {
        this.departing = departing;
        this.launchedBy = launchedBy;
        this.reason = reason;
        this.effectiveDate = effectiveDate;
        this.endDate = endDate;
    }

    /** Idempotent: only a starting handover becomes running, with the instance that reported first. */
    boolean started(long processInstanceKey) {
        if (status != HandoverStatus.STARTING) {
            return false;
        }
        this.processInstanceKey = processInstanceKey;
        this.status = HandoverStatus.RUNNING;
        return true;
    }

    void leadsMoved(int count) {
        leadsMoved += count;
    }

    public int getLeadsMoved() {
        return leadsMoved;
    }

    /** Only a starting or running handover is cancelled; false when it had ended already. */
    boolean cancel(String by, String reason, Instant at) {
        if (!status.isActive()) {
            return false;
        }
        status = HandoverStatus.CANCELLED;
        cancelledBy = by;
        cancelReason = reason;
        completedAt = at;
        return true;
    }

    /** Idempotent: a second completion keeps the first time; a cancelled handover stays cancelled. */
    boolean complete(Instant at) {
        if (!status.isActive()) {
            return false;
        }
        status = HandoverStatus.COMPLETED;
        completedAt = at;
        return true;
    }

    /** Idempotent: the first decision stands. */
    boolean settleLeave(LeaveOutcome outcome) {
        if (leaveOutcome != null) {
            return false;
        }
        leaveOutcome = outcome;
        return true;
    }

    public boolean isTemporary() {
        return reason == HandoverReason.LEAVE_OF_ABSENCE;
    }

    public Long getId() {
        return id;
    }

    public Person getDeparting() {
        return departing;
    }

    public String getLaunchedBy() {
        return launchedBy;
    }

    public HandoverReason getReason() {
        return reason;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public HandoverStatus getStatus() {
        return status;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public LeaveOutcome getLeaveOutcome() {
        return leaveOutcome;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
