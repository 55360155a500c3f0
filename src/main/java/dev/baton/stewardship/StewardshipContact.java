package dev.baton.stewardship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A contact a review lists, and the owner's outcome for it (null until answered). */
@Entity
public class StewardshipContact {

    /** What the owner found out about the contact. */
    public enum Outcome {
        /** The details are still right: verified now. */
        VERIFIED,
        /** The details changed: updated (and so verified) now. */
        CHANGED,
        /** The person left the company: the contact is retired, its history kept. */
        LEFT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    Long reviewId;

    @Column(nullable = false, updatable = false)
    Long contactId;

    @Enumerated(EnumType.STRING)
    Outcome outcome;

    /** Whether the contact was the account's primary contact / champion when the outcome was recorded. */
    boolean wasPrimary;

    boolean wasChampion;
    Instant decidedAt;
    String decidedBy;

    protected StewardshipContact() {}

    StewardshipContact(Long reviewId, Long contactId) {
        this.reviewId = reviewId;
        this.contactId = contactId;
    }

    void decide(Outcome outcome, boolean wasPrimary, boolean wasChampion, String by, Instant at) {
        this.outcome = outcome;
        this.wasPrimary = wasPrimary;
        this.wasChampion = wasChampion;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getReviewId() {
        return reviewId;
    }

    public Long getContactId() {
        return contactId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public boolean isWasPrimary() {
        return wasPrimary;
    }

    public boolean isWasChampion() {
        return wasChampion;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
