package dev.baton.commitment;

/**
 * Domain events the commitment feature publishes inside its transactions; its engine adapters act on
 * them after commit (this package must not know the engine). The event publication registry stores
 * each with the transaction and delivers it again until its listener has finished.
 */
public final class CommitmentEvents {

    private CommitmentEvents() {}

    /** A commitment was recorded: its process should start. */
    public record Recorded(long commitmentId, long accountId) {}

    /**
     * A commitment changed outside its process (API, handover): the waiting step must be re-read.
     * {@code ownerUsername} is null when nobody owns it. {@code signalId} names this change: the message
     * carries it as its id, so a delivery repeated by the registry is dropped by the engine.
     */
    public record Changed(long commitmentId, CommitmentStatus status, String ownerUsername, String signalId) {}
}
