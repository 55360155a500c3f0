package dev.baton.commitment;

/**
 * Domain events the commitment feature publishes inside its transactions; the process feature acts on
 * them after commit (this package must not know the engine).
 */
public final class CommitmentEvents {

  private CommitmentEvents() {}

  /** A commitment was recorded: its process should start. */
  public record Recorded(long commitmentId, long accountId) {}

  /**
   * A commitment changed outside its process (API, handover): the waiting step must be re-read.
   * {@code ownerUsername} is null when nobody owns it. {@code signalId} names this change: the message
   * carries it as its id, and {@link CommitmentProcessSteps#changeSignalled} clears it once sent.
   */
  public record Changed(long commitmentId, CommitmentStatus status, String ownerUsername, String signalId) {}
}
