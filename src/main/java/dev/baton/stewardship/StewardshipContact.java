package dev.baton.stewardship;

import dev.baton.shared.BadRequestException;
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
        LEFT;

        /**
         * The outcome a person or client named, in any case and with spaces around it; the API and the
         * review page both read it here, so both refuse a wrong one in the same words.
         *
         * @param name {@code verified}, {@code changed} or {@code left}
         * @return the outcome
         * @throws BadRequestException at {@code outcome}: "'bogus' is not verified, changed or left"
         */
        public static Outcome parse(String name) {
            for (Outcome outcome : values()) {
                if (name != null && outcome.name().equalsIgnoreCase(name.strip())) {
                    return outcome;
                }
            }
            throw new BadRequestException("outcome", "'" + name + "' is not verified, changed or left");
        }
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
