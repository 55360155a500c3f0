package dev.baton.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;

/** An email written in the same transaction as the change that caused it, sent later by the dispatcher. */
@Entity
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    /**
     * Says which business event the mail is for, so the same event never queues two mails: unique
     * among the mails not {@link OutboxStatus#WITHDRAWN} (a withdrawn one never went out, so the
     * event may queue its mail again).
     */
    @Column(nullable = false, updatable = false)
    String dedupKey;

    @Column(nullable = false)
    String toAddress;

    String ccAddress;

    /** Set for a mail written for a person (see {@link Outbox.Sender}). */
    String fromName;

    String replyTo;

    @Column(nullable = false)
    String subject;

    @Column(nullable = false)
    String textBody;

    String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    OutboxStatus status = OutboxStatus.PENDING;

    int attempts;
    Instant nextAttemptAt;
    String lastError;
    Instant sentAt;
    Instant retriedAt;
    String retriedBy;

    @CreationTimestamp
    Instant createdAt;

    /** Rows are inserted by {@link Outbox} (insert ... on conflict do nothing), never constructed. */
    protected OutboxMessage() {}

    void sent(Instant at) {
        status = OutboxStatus.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
    }

    /**
     * Back off exponentially; give up (FAILED, visible to admins) after {@code maxAttempts}.
     *
     * @return true when this attempt was the last (the mail failed for good)
     */
    boolean failed(String error, Instant now, Duration firstBackoff, int maxAttempts) {
        attempts++;
        lastError = error;
        if (attempts >= maxAttempts) {
            status = OutboxStatus.FAILED;
            return true;
        } else {
            nextAttemptAt = now.plus(firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 16)));
            return false;
        }
    }

    /**
     * An admin sends a failed mail again: due now, with a fresh set of attempts, to {@code to} when the
     * address was what failed (null keeps it). Only a FAILED mail.
     */
    void retry(Instant now, String by, String to) {
        if (status != OutboxStatus.FAILED) {
            throw new IllegalStateException("mail " + id + " is " + status + ", not FAILED");
        }
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        retriedAt = now;
        retriedBy = by;
        if (to != null) {
            toAddress = to;
        }
    }

    public Instant getRetriedAt() {
        return retriedAt;
    }

    public String getRetriedBy() {
        return retriedBy;
    }

    public Long getId() {
        return id;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getToAddress() {
        return toAddress;
    }

    public String getCcAddress() {
        return ccAddress;
    }

    public String getFromName() {
        return fromName;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
