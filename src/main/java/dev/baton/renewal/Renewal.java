package dev.baton.renewal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One account's renewal for one renewal date: opened by the daily run (once per account and date,
 * guarded by a unique key), worked in stages by the {@code renewal} process, closed by the owner's
 * decision. Free text the owner writes (health summary, proposal, reasons) lives here, not in the process.
 */
@Entity
public class Renewal {

    /** The owner's decision at the last stage. */
    public enum Decision {
        RENEWED,
        CHURNED,
        RENEGOTIATING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    Long accountId;

    @Column(nullable = false, updatable = false)
    LocalDate renewalDate;

    @Column(nullable = false, updatable = false)
    Instant openedAt;

    String healthSummary;
    String risk;
    String proposal;

    @Enumerated(EnumType.STRING)
    Decision decision;

    String decisionReason;
    LocalDate nextRenewalDate;
    Instant decidedAt;

    @Version
    long version;

    protected Renewal() {}

    void reviewHealth(String summary, String risk) {
        this.healthSummary = summary;
        this.risk = risk;
    }

    void propose(String proposal) {
        this.proposal = proposal;
    }

    /** The reason given with the decision, kept until the process applies the decision. */
    void giveReason(String reason) {
        this.decisionReason = reason;
    }

    /** The owner's answer; {@code next} only for a renewal. A final decision (renewed, churned) is not changed again. */
    void decide(Decision decision, LocalDate next, String reason, Instant at) {
        if (isClosed()) {
            throw new IllegalArgumentException("renewal " + id + " was already decided: " + this.decision);
        }
        this.decision = decision;
        this.nextRenewalDate = decision == Decision.RENEWED ? next : null;
        this.decisionReason = reason;
        this.decidedAt = at;
    }

    /** Renewed or churned: nothing more to work on. */
    public boolean isClosed() {
        return decision == Decision.RENEWED || decision == Decision.CHURNED;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public LocalDate getRenewalDate() {
        return renewalDate;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getHealthSummary() {
        return healthSummary;
    }

    public String getRisk() {
        return risk;
    }

    public String getProposal() {
        return proposal;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public LocalDate getNextRenewalDate() {
        return nextRenewalDate;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
